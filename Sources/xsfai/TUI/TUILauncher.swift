import App
import CursesScreen
import FAIControl
import FAIMonitor
import FAIMonitorServer
import Foundation
import XenAPI

/// Opens the TUI on the terminal for a logged-in session and runs it until the operator quits.
enum TUILauncher {
    /// Runs the TUI capturing up to `backgroundConsoles` install consoles in the background; `notice`
    /// starts in the status bar; `tracePath` appends timing lines (JSON) there,
    /// measured from `started` (when the command began). The pool's journal is in `stateFolder`
    /// (default: `$XDG_STATE_HOME/xsfai`).
    static func run(
        session: XenAPISession, consoles: any ConsoleConnector, origin: String, notice: String?, tracePath: String?,
        started: ContinuousClock.Instant, stateFolder: String? = nil, monitor: TUIMonitor = TUIMonitor(),
        backgroundConsoles: Int = BackgroundCaptures.defaultLimit
    ) throws {
        let screen = try CursesScreen()
        var state = AppState(size: screen.size, user: session.userName, origin: origin)
        if let notice { state.status = StatusMessage(notice) }
        state.fleet.monitorSource = monitor.description
        state.fleet.monitorTarget = monitor.target
        if monitor.sources != nil { state.fleet.monitor = MonitorFleet() }
        state.captures.limit = backgroundConsoles
        let loop = MainLoop(
            screen: screen, state: state, feed: CachePoolFeed(session: session),
            operations: try ControllerOperations(session: session, stateFolder: stateFolder),
            connector: SessionConsoleConnector(session: session, connector: consoles),
            monitor: monitor.sources.map { MonitorChangeFeed(service: $0.service) })
        if let tracePath { loop.onPresent = TimingTrace(path: tracePath, started: started).record }
        loop.run()
        monitor.sources?.stop()
        session.logout()
    }
}

/// The monitor service's feed is the TUI's monitor port.
extension MonitorChangeFeed: MonitorFeed {}
