@testable import App
import Dispatch
import FAIControl
import Synchronization
import TUI
import Testing
import XenAPI

/// Delivers one snapshot when started.
final class StaticPoolFeed: PoolFeed {
    let snapshot: PoolSnapshot
    init(_ snapshot: PoolSnapshot) { self.snapshot = snapshot }
    func start(deliver: @escaping @Sendable (PoolFeedEvent) -> Void) {
        deliver(.connection(.connected))
        deliver(.changed(snapshot))
    }
    func stop() {}
}

/// Records the operations asked for; every one succeeds.
final class RecordingOperations: PoolOperations {
    let calls = Mutex<[String]>([])
    let called = DispatchSemaphore(value: 0)
    private func record(_ call: String) -> OperationOutcome {
        calls.withLock { $0.append(call) }
        called.signal()
        return OperationOutcome(summary: call)
    }
    func apply(_ plan: ChangePlan) throws -> OperationOutcome { record("apply \(plan.target.nameLabel)") }
    func rearm(_ plan: RearmPlan) throws -> OperationOutcome { record("rearm \(plan.changes.target.ref)") }
    func undo(_ number: Int?) throws -> OperationOutcome { record("undo \(number.map(String.init) ?? "newest")") }
    func install(_ request: InstallRequest, template: Ref<VMRecord>, record: VMRecord) throws -> (Ref<VMRecord>, OperationOutcome) {
        (Ref("OpaqueRef:new"), self.record("install \(request.name)"))
    }
    func journal() throws -> JournalContents { JournalContents(records: []) }
    func reconcile() throws -> [ReconciledSet] { [] }
    func complete(_ number: Int) throws -> OperationOutcome { record("complete \(number)") }
    func rollBack(_ number: Int) throws -> OperationOutcome { record("roll back \(number)") }
    func copyTemplate(_ template: Ref<VMRecord>, name: String, description: String) throws -> OperationOutcome {
        record("copy \(template) \(name)")
    }
    func destroyPlans(_ vms: [Ref<VMRecord>]) throws -> (plans: [DestroyPlan], refused: [String]) { ([], []) }
    func destroy(_ plan: DestroyPlan) throws -> OperationOutcome { record("destroy \(plan.name)") }
    func cleanShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome { record("clean shutdown \(vm)") }
    func reboot(_ vm: Ref<VMRecord>) throws -> OperationOutcome { record("reboot \(vm)") }
    func start(_ vm: Ref<VMRecord>) throws -> OperationOutcome { record("start \(vm)") }
    func hardShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome { record("shutdown \(vm)") }
    func preflight(_ vm: Ref<VMRecord>) throws -> PreflightReport { PreflightReport(target: "x", uuid: "x", checks: []) }
}

/// A console that sends fixed bytes and then ends.
final class ScriptedConsole: ConsoleConnecting, ConsoleConnection {
    let output = Mutex<[[UInt8]]>([])
    let input = Mutex<[UInt8]>([])
    init(_ chunks: [String]) { output.withLock { $0 = chunks.map { Array($0.utf8) } } }
    func open(location: String) throws -> any ConsoleConnection { self }
    func send(_ bytes: [UInt8]) throws { input.withLock { $0 += bytes } }
    func receive(timeout: Duration) throws -> ConsoleChunk {
        output.withLock { $0.isEmpty ? .endOfStream : .bytes($0.removeFirst()) }
    }
    func close() {}
}

@Suite struct MainLoopTests {
    @Test func keysFromTheScreenDriveTheLoopAndTheLastFrameShowsTheVMs() {
        let screen = InMemoryScreen(size: Size(width: 80, height: 24), events: [nil, .key(.character("2")), nil])
        let operations = RecordingOperations()
        let loop = MainLoop(
            screen: screen, state: AppState(size: Size(width: 1, height: 1), user: "root", origin: "sim"),
            feed: StaticPoolFeed(PoolFixture.snapshot), operations: operations, connector: ScriptedConsole([]))
        loop.run()
        #expect(screen.isClosed)
        let lines = screen.lastCanvas?.lines ?? []
        #expect(lines.contains { $0.contains("fai-broken") })
        #expect(lines.contains { $0.contains("Übung-数据库") })
        #expect(loop.currentState.pane == .vms)
    }

    @Test func rearmKeyReachesTheOperations() throws {
        let screen = InMemoryScreen(size: Size(width: 80, height: 24), events: [nil, .key(.character("2")), .key(.character("j")), .key(.character("r"))])
        let operations = RecordingOperations()
        let loop = MainLoop(
            screen: screen, state: AppState(size: Size(width: 1, height: 1), user: "root", origin: "sim"),
            feed: StaticPoolFeed(PoolFixture.snapshot), operations: operations, connector: ScriptedConsole([]))
        loop.run()
        // The operation runs on the runner's queue: wait until it was called (bounded, not timed).
        _ = operations.called.wait(timeout: .now() + 10)
        #expect(operations.calls.withLock { $0 } == ["rearm OpaqueRef:vm-aborted"])
    }
}
