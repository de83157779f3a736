@testable import App
import FAIMonitor
import FAIMonitorServer
import Foundation
import Synchronization
import TUI
import Testing
import XenAPI
import TestScratch

/// The monitor service's feed is the loop's monitor port (as in the xsfai command).
extension MonitorChangeFeed: MonitorFeed {}

/// A screen that waits: no keys after the scripted ones until `done` says the frame shows what the
/// test waits for (or the deadline passes), then asks the loop to end.
final class WaitingScreen: Screen, @unchecked Sendable {
    let size: Size
    private var events: [ScreenEvent]
    private let done: ([String]) -> Bool
    private let deadline: Date
    private(set) var lines: [String] = []
    let waker: any ScreenWaker = NoopWaker()

    init(size: Size, keys: [Key], timeout: TimeInterval, done: @escaping ([String]) -> Bool) {
        self.size = size
        events = keys.map(ScreenEvent.key)
        self.done = done
        deadline = Date().addingTimeInterval(timeout)
    }

    func present(_ canvas: Canvas, cursor: Point?) { lines = canvas.lines }

    func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent? {
        if !events.isEmpty { return events.removeFirst() }
        if done(lines) || Date() > deadline { return .terminationRequested }
        usleep(20_000)
        return nil
    }

    func copyToClipboard(_ text: String) {}
    func suspend() {}
    func close() {}

    private struct NoopWaker: ScreenWaker { func wake() {} }
}

/// Debian's own FAI client (`sendmon` from fai-client, sending with netcat) reports a failing install
/// over a real socket to xsfai's listener; the TUI's fleet pane shows it on the VM whose VIF has the
/// sender's MAC, with the verdict and band FAI's codes give.
@Suite(.serialized) struct FleetMonitorSocketTests {
    @Test func sendmonReportsReachTheFleetPaneOnTheVMWithThatMAC() throws {
        try #require(FAIClientPeer.isInstalled, "fai-client and fai-server are installed by scripts/setup")
        let service = FAIMonitorService()
        let listener = FAIMonitorListener(host: "127.0.0.1", port: 0, variables: MonitorVariables()) { service.receive($0) }
        let port = try listener.start()
        defer { listener.stop() }
        let logs = Scratch.path("fleet-sendmon")
        defer { try? FileManager.default.removeItem(atPath: logs) }

        var state = AppState(size: Size(width: 160, height: 40), user: "root", origin: "sim")
        state.fleet.monitor = MonitorFleet()
        state.fleet.monitorSource = "listening on 127.0.0.1:\(port)"
        let screen = WaitingScreen(size: Size(width: 160, height: 40), keys: [.character("4")], timeout: 60) { lines in
            lines.contains { $0.contains("fai-broken") && $0.contains("failed (instsoft 472)") }
        }
        let loop = MainLoop(
            screen: screen, state: state, feed: StaticPoolFeed(FleetPaneTests.snapshot), operations: RecordingOperations(),
            connector: ScriptedConsole([]), monitor: MonitorChangeFeed(service: service))
        let sent = Mutex<Int32?>(nil)
        let sender = Thread {
            // The failing run of fai-monitor.md: FAI went on after instsoft's error, so only the codes tell.
            let status = try? FAIClientPeer.sendmon(
                ["check", "TASKBEGIN confdir", "TASKEND confdir 0", "TASKBEGIN install", "TASKBEGIN partition",
                 "TASKEND partition 0", "TASKBEGIN instsoft", "TASKEND instsoft 472", "TASKBEGIN configure",
                 "TASKEND configure 0", "TASKEND install 0", "TASKBEGIN faiend", "TASKEND faiend 0"],
                sendid: FleetPaneTests.abortedMAC, port: port, logDirectory: logs)
            sent.withLock { $0 = status }
        }
        sender.start()
        loop.run()
        #expect(sent.withLock { $0 } == 0, "every sendmon call reached the listener")
        let row = try #require(screen.lines.first { $0.contains("fai-broken") }, "\(screen.lines.joined(separator: "\n"))")
        #expect(row.contains("monitor"), "\(row)")
        #expect(row.contains("failed (instsoft 472)"), "\(row)")
        #expect(row.contains("warning"), "472 is in fai-monitor-gui's warning band: \(row)")
        #expect(row.contains("18/18"), "\(row)")
        #expect(loop.currentState.fleet.rows.first?.sender == FleetPaneTests.abortedMAC)
    }
}
