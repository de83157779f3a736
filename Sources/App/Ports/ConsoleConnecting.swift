public import XenAPI

/// Opens a VM's vt100 console stream (the xsfai command adapts the CONNECT-based connector).
public protocol ConsoleConnecting: Sendable {
    /// Connects to `console` (its record gives the location on the VM's host); blocks.
    func connect(to console: ConsoleRecord) throws -> any ConsoleChannel
}

/// A connected console: raw bytes both ways.
public protocol ConsoleChannel: AnyObject, Sendable {
    /// Blocks until bytes arrive; an empty array means the stream ended.
    func read() throws -> [UInt8]
    /// Sends bytes typed by the operator.
    func write(_ bytes: [UInt8]) throws
    /// Closes the stream; a blocked `read` returns.
    func close()
}
