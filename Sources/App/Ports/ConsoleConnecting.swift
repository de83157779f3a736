public import XenAPI

/// Opens a VM's vt100 console stream for the shared console follower (the xsfai command adapts the
/// CONNECT-based connector).
public protocol ConsoleConnecting: Sendable {
    /// Opens the console stream at `location`; blocks.
    func open(location: String) throws -> any ConsoleConnection
}
