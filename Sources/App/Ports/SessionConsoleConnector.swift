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

    /// Opens `console`'s stream.
    public func connect(to console: ConsoleRecord) throws -> any ConsoleChannel {
        ConnectionChannel(connection: try session.openConsole(location: console.location, using: connector))
    }
}
