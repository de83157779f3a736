import FAIControl
import Synchronization
import Testing
import XMLRPC
import XenAPI

/// Lost replies whose effect cannot be read back: the journal says unknown, and the next
/// reconciliation decides from the pool.
@Suite struct LostReplyTests {
    let ref = Ref<VMRecord>("OpaqueRef:vm1")

    /// Carries out `method`, then loses its reply (once); while `unreachable`, every call fails as a dead network.
    final class LossyAPI: XenAPICalling, Sendable {
        let inner: any XenAPICalling & Sendable
        let method: String
        let unreachable = Mutex(false)
        let spent = Mutex(false)
        init(_ inner: any XenAPICalling & Sendable, losing method: String) {
            self.inner = inner
            self.method = method
        }
        func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
            let lost = TransportError(kind: .connectionLost, endpoint: "test", message: "connection closed")
            if unreachable.withLock({ $0 }) { throw lost }
            let value = try inner.call(method, params)
            if method == self.method, !spent.withLock({ $0 }) {
                spent.withLock { $0 = true }
                unreachable.withLock { $0 = true }
                throw lost
            }
            return value
        }
    }

    @Test func aLostReplyThatCannotBeReadBackIsJournaledAsUnknownThenReconciled() throws {
        let vm = TestRecords.aborted
        let recording = RecordingAPI([ref.rawValue: vm])
        let api = LossyAPI(recording, losing: "VM.set_PV_bootloader")
        let journal = temporaryJournal()
        let controller = PoolController(api: api, poolUUID: "p1", journal: journal)
        let plan = try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: false)
        let error = try #require(throws: ChangeSetError.self) { try controller.rearm(plan) }
        #expect(error.kind == .connection)
        #expect(error.set.states == [.unknown, .notApplied])
        #expect(try journal.read().sets.first?.states == [.unknown, .notApplied])
        #expect(recording.writes.map(\.method) == ["VM.set_PV_bootloader"])  // never resent blindly

        // The network is back: the next command reconciles against the pool (bootloader applied,
        // install-distro not) and offers complete / roll back; nothing new is written until then.
        api.unreachable.withLock { $0 = false }
        let pending = try controller.reconcile()
        #expect(pending.map(\.states) == [[.applied, .notApplied]])
        #expect(pending.first?.summary.contains("1 of 2 changes applied") == true)
        #expect(throws: PendingChangeError.self) { try controller.rearm(plan) }
        _ = try controller.complete(1)
        #expect(recording.record(ref.rawValue)?.otherConfig["install-distro"] == "debianlike")
        #expect(try controller.reconcile().isEmpty)
        #expect(try controller.contents().sets.map(\.statusText) == ["applied", "applied"])
    }

    @Test func rollBackPutsTheOldValuesBack() throws {
        let vm = TestRecords.aborted
        let recording = RecordingAPI([ref.rawValue: vm])
        let api = LossyAPI(recording, losing: "VM.set_PV_bootloader")
        let controller = PoolController(api: api, poolUUID: "p1", journal: temporaryJournal())
        let plan = try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: false)
        _ = try? controller.rearm(plan)
        api.unreachable.withLock { $0 = false }
        let outcome = try controller.rollBack(1)
        #expect(outcome.set?.undoes == 1)
        #expect(recording.record(ref.rawValue)?.pvBootloader == "pygrub")
        #expect(try controller.reconcile().isEmpty)
    }
}

/// An install cut off by a dead network, then completed or rolled back: never an orphan.
@Suite struct InterruptedInstallTests {
    func cutInstall(at method: String, _ pool: LoopbackPool) throws -> (PoolController, LostReplyTests.LossyAPI) {
        let api = LostReplyTests.LossyAPI(pool.session, losing: method)
        let controller = PoolController(api: api, poolUUID: try pool.session.poolUUID(), journal: temporaryJournal())
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        #expect(throws: ChangeSetError.self) {
            try controller.install(
                InstallRequest(name: "web07", template: template.uuid), templateRef: ref, template: template,
                existing: resolver.records)
        }
        api.unreachable.withLock { $0 = false }
        return (controller, api)
    }

    func vms(named name: String, _ pool: LoopbackPool) throws -> [VMRecord] {
        try pool.session.allVMRecords().values.filter { $0.nameLabel == name }
    }

    @Test(arguments: ["VM.clone", "VM.provision", "VM.set_name_label"])
    func completeFinishesTheInstall(_ method: String) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (controller, _) = try cutInstall(at: method, pool)
        let pending = try controller.reconcile().filter { !$0.isSettled }
        if method == "VM.set_name_label" {
            // The last step's reply was lost: the read-back after reconnecting shows it applied.
            #expect(pending.isEmpty)
        } else {
            #expect(pending.count == 1)
            #expect(pending.first?.createdUUID != nil)
            _ = try controller.complete(try #require(pending.first).set.number)
        }
        let made = try vms(named: "web07", pool)
        #expect(made.count == 1)
        #expect(made.first?.isATemplate == false)
        #expect(made.first?.otherConfig[InstallKeys.templateUUID] != nil)
        #expect(try pool.session.allVMRecords().values.allSatisfy { !$0.nameLabel.hasPrefix("xsfai-pending-") })
        #expect(try controller.reconcile().filter { !$0.isSettled }.isEmpty)
    }

    @Test func rollBackDestroysTheHalfMadeVM() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let before = try pool.session.allVMRecords().count
        let (controller, _) = try cutInstall(at: "VM.provision", pool)
        let pending = try #require(try controller.reconcile().first { !$0.isSettled })
        _ = try controller.rollBack(pending.set.number)
        #expect(try pool.session.allVMRecords().count == before)
        #expect(try controller.reconcile().filter { !$0.isSettled }.isEmpty)
    }
}
