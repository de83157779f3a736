public import XenAPI

/// Opens a VM's vt100 console stream (the xsfai command adapts the CONNECT-based connector).
public protocol ConsoleConnecting: Sendable {
    /// Connects to `console` (its record gives the location on the VM's host); blocks.
    func connect(to console: ConsoleRecord) throws -> any ConsoleChannel
    /// Opens the console stream at `location` (for the shared console follower); blocks.
    func open(location: String) throws -> any ConsoleConnection
}

extension ConsoleConnecting {
    /// Connects to `console` through ``open(location:)``.
    public func connect(to console: ConsoleRecord) throws -> any ConsoleChannel {
        ConnectionChannel(connection: try open(location: console.location))
    }
}
