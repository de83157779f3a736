import App
import XenAPI

/// Connects the TUI to VM consoles with the session's reference over the CONNECT-based connector.
struct SessionConsoleConnector: ConsoleConnecting {
    let session: XenAPISession
    let connector: any ConsoleConnector

    func connect(to console: ConsoleRecord) throws -> any ConsoleChannel {
        ConnectionChannel(connection: try session.openConsole(location: console.location, using: connector))
    }
}
