public import XenAPI

/// Opens a VM's vt100 console stream (the xsfai command adapts the CONNECT-based connector).
public protocol ConsoleConnecting: Sendable {
    /// Connects to `console` (its record gives the location on the VM's host); blocks.
    func connect(to console: ConsoleRecord) throws -> any ConsoleChannel
}
