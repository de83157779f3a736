@testable import App
import CurlTransport
import Foundation
import Simulator
import Synchronization
import TUI
import XMLRPC
import XenAPI

/// A screen for a loop run against a live simulator: each wait sleeps a little (so the loop runs at
/// its real pace) and delivers the next scripted event once its condition holds on the last frame's
/// state; when the script is done, or its deadline passed, the loop is asked to end.
final class PacedScreen: Screen {
    /// One step: the events `events` makes of the state (none: a checkpoint) once `condition` holds.
    struct Step {
        let name: String
        let condition: (AppState) -> Bool
        var events: (AppState) -> [ScreenEvent] = { _ in [] }
    }

    var size: Size
    private var steps: [Step]
    private var queued: [ScreenEvent] = []
    private let deadline: Date
    /// The state of the last frame presented.
    var latest: AppState?
    /// Called with every presented state (to check invariants all along).
    var observe: (AppState) -> Void = { _ in }
    private(set) var lastCanvas: Canvas?
    /// The step that was still waiting when the deadline passed.
    private(set) var timedOutStep: String?
    let waker: any ScreenWaker = SleepingWaker()

    init(size: Size, steps: [Step], timeout: TimeInterval) {
        self.size = size
        self.steps = steps
        deadline = Date().addingTimeInterval(timeout)
    }

    func present(_ canvas: Canvas, cursor: Point?) { lastCanvas = canvas }

    func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent? {
        if !queued.isEmpty { return queued.removeFirst() }
        if let state = latest, let step = steps.first, step.condition(state) {
            steps.removeFirst()
            queued = step.events(state)
            if !queued.isEmpty { return queued.removeFirst() }
        }
        guard let step = steps.first else { return .terminationRequested }
        if Date() > deadline {
            timedOutStep = step.name
            return .terminationRequested
        }
        Thread.sleep(forTimeInterval: Double(min(timeoutMilliseconds < 0 ? 20 : timeoutMilliseconds, 20)) / 1000)
        return nil
    }

    func copyToClipboard(_ text: String) {}
    func suspend() {}
    func close() {}
}

private struct SleepingWaker: ScreenWaker {
    func wake() {}
}

/// A simulator on loopback with a logged-in session, for running the TUI's loop against it.
struct LoopbackTUI {
    let server: SimulatorServer
    let session: XenAPISession

    static func start(_ configuration: SimulatorConfiguration) async throws -> LoopbackTUI {
        let server = SimulatorServer(configuration: configuration)
        _ = try await server.start()
        let session = try XenAPISession(
            url: XenAPIURL(string: server.masterURL),
            credentials: Credentials(user: configuration.user, password: configuration.password),
            factory: CurlTransportFactory(connectTimeout: .seconds(5)), callTimeout: .seconds(20))
        try session.login()
        return LoopbackTUI(server: server, session: session)
    }

    /// Runs the TUI's loop (background captures up to `limit`) on its own thread until `screen`'s
    /// script ends; returns the final state.
    func run(screen: PacedScreen, limit: Int) async -> AppState {
        var state = AppState(size: screen.size, user: "root", origin: "sim")
        state.captures.limit = limit
        let loop = MainLoop(
            screen: screen, state: state, feed: CachePoolFeed(session: session), operations: RecordingOperations(),
            connector: SessionConsoleConnector(session: session, connector: CurlConsoleConnector()))
        loop.onPresent = { state, _ in
            screen.latest = state
            screen.observe(state)
        }
        let box = LoopBox(loop)
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                box.loop.run()
                continuation.resume(returning: box.loop.currentState)
            }
            thread.start()
        }
    }

    func stop() async {
        session.logout()
        try? await server.stop()
    }
}

/// Hands the loop to its thread (it is used only there once started).
private final class LoopBox: @unchecked Sendable {
    let loop: MainLoop
    init(_ loop: MainLoop) { self.loop = loop }
}

extension AppState {
    /// The VMs named `install-…` and their capture states.
    var installCaptures: [String: BackgroundCaptureState] {
        var result: [String: BackgroundCaptureState] = [:]
        for (vm, capture) in captures.byVM {
            if let name = vms[vm]?.nameLabel, name.hasPrefix("install-") { result[name] = capture }
        }
        return result
    }

    /// The ref of the VM called `name`.
    func vm(named name: String) -> Ref<VMRecord>? { vms.first { $0.value.nameLabel == name }?.key }

    /// The keys that open the console of the VM called `name` from the VMs pane.
    func keysOpeningConsole(of name: String) -> [ScreenEvent] {
        guard let vm = vm(named: name), let row = vmList.rows.firstIndex(of: vm) else { return [] }
        return [.key(.character("2")), .key(.character("g"))] + Array(repeating: .key(.character("j")), count: row) + [.key(.enter)]
    }
}
