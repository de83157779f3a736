public import XenAPI

/// Opens a VM's vt100 console stream for the shared console follower (the xsfai command adapts the
/// CONNECT-based connector with its session).
public protocol ConsoleConnecting: Sendable {
    /// Opens the console stream at `location` (the console record's, on the VM's host); blocks.
    func open(location: String) throws -> any ConsoleConnection
}
