public import XenAPI

/// Connects the TUI to VM consoles with the session's reference over the CONNECT-based connector.
public struct SessionConsoleConnector: ConsoleConnecting {
    let session: XenAPISession
    let connector: any ConsoleConnector

    /// Connects with `session`'s reference through `connector`.
    public init(session: XenAPISession, connector: any ConsoleConnector) {
        self.session = session
        self.connector = connector
    }

    /// Opens the console stream at `location` (logging in again on a 401).
    public func open(location: String) throws -> any ConsoleConnection {
        try session.openConsole(location: location, using: connector)
    }
}
