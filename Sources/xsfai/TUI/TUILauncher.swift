import App
import CursesScreen
import Foundation
import XenAPI

/// Opens the TUI on the terminal for a logged-in session and runs it until the operator quits.
enum TUILauncher {
    /// Runs the TUI; `notice` starts in the status bar; `tracePath` appends timing lines (JSON) there,
    /// measured from `started` (when the command began).
    static func run(
        session: XenAPISession, consoles: any ConsoleConnector, origin: String, notice: String?, tracePath: String?,
        started: ContinuousClock.Instant
    ) throws {
        let screen = try CursesScreen()
        var state = AppState(size: screen.size, user: session.userName, origin: origin)
        if let notice { state.status = StatusMessage(notice) }
        let loop = MainLoop(
            screen: screen, state: state, feed: CachePoolFeed(session: session),
            operations: ControllerOperations(session: session),
            connector: SessionConsoleConnector(session: session, connector: consoles))
        if let tracePath { loop.onPresent = TimingTrace(path: tracePath, started: started).record }
        loop.run()
        session.logout()
    }
}

/// Writes first-paint and key-latency figures as JSON lines, for `scripts/bench-tui`.
final class TimingTrace {
    private let handle: FileHandle?
    private let started: ContinuousClock.Instant
    private var paintedPool = false

    init(path: String, started: ContinuousClock.Instant) {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        handle = FileHandle(forWritingAtPath: path)
        self.started = started
    }

    deinit { try? handle?.close() }

    func record(_ state: AppState, _ keyLatency: Duration?) {
        if !paintedPool, !state.vms.isEmpty {
            paintedPool = true
            write("{\"event\":\"first-paint\",\"ms\":\(milliseconds(ContinuousClock.now - started)),\"vms\":\(state.vmList.rows.count)}")
        }
        if let keyLatency {
            write("{\"event\":\"key\",\"ms\":\(milliseconds(keyLatency))}")
        }
    }

    private func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return (Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15 * 1000).rounded() / 1000
    }

    private func write(_ line: String) {
        handle?.write(Data((line + "\n").utf8))
    }
}
