import FAIControl
import Foundation
import Testing
import XMLRPC
import XenAPI

/// Destroying failed test installs: the disks are named before anything is written, each call is
/// made once (a lost reply is settled by reading back), the destroy is one change set that cannot be
/// undone.
@Suite struct DestroyTests {
    /// Passes calls to the session, except the first call of `method`: it loses its reply (done, then
    /// the connection drops) or is dropped (not done); counts every call of `method`.
    final class LossyAPI: XenAPICalling, @unchecked Sendable {
        enum Loss { case reply, call }
        let session: XenAPISession
        let method: String
        let loss: Loss
        private(set) var count = 0

        init(_ session: XenAPISession, losing method: String, _ loss: Loss) {
            self.session = session
            self.method = method
            self.loss = loss
        }

        func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
            guard method == self.method else { return try session.call(method, params) }
            count += 1
            guard count == 1 else { return try session.call(method, params) }
            if loss == .reply { _ = try session.call(method, params) }
            throw TransportError(kind: .connectionLost, endpoint: "test", message: "connection lost")
        }
        func vmRecord(_ ref: Ref<VMRecord>) throws -> VMRecord { try session.vmRecord(ref) }
        func allVMRecords() throws -> [Ref<VMRecord>: VMRecord] { try session.allVMRecords() }
        func allPoolRecords() throws -> [Ref<PoolRecord>: PoolRecord] { try session.allPoolRecords() }
        func allHostRecords() throws -> [Ref<HostRecord>: HostRecord] { try session.allHostRecords() }
        func allSRRecords() throws -> [Ref<SRRecord>: SRRecord] { try session.allSRRecords() }
    }

    func vdiExists(_ ref: String, _ session: XenAPISession) -> Bool {
        (try? session.call("VDI.get_record", [.string(ref)])) != nil
    }

    @Test func planNamesTheDisksAndDestroyIsOneVerifiedChangeSetThatCannotBeUndone() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let plan = try controller.destroyPlan(try pool.session.ref(named: "fai02"))
        #expect(plan.disks.count == 1)
        let disk = try #require(plan.disks.first)
        #expect(disk.size > 0 && disk.device == "0" && disk.sharedWith.isEmpty)
        #expect(plan.confirmationText.hasPrefix("VM fai02 and its disks: \(disk.name) ("))
        #expect(plan.xeCommands == ["xe vm-uninstall uuid=\(plan.uuid) force=true"])
        let outcome = try controller.destroy(plan)
        #expect(try pool.session.vm.getByNameLabel("fai02").isEmpty)
        #expect(!vdiExists(disk.ref, pool.session))
        let sets = try controller.contents().sets
        #expect(sets.count == 1)
        #expect(sets.first?.steps.map(\.operation) == ["VM.destroy", "VDI.destroy \(disk.uuid) (\(disk.summary))"])
        #expect(outcome.set?.isFullyApplied == true)
        #expect(sets.first?.note == "not undoable: a destroy cannot be undone")
        #expect(throws: UndoRefusal.destroysObject(set: 1, name: "fai02")) { try controller.undo(nil) }
    }

    @Test func keepDisksDestroysOnlyTheRecord() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let plan = try controller.destroyPlan(try pool.session.ref(named: "fai02"), keepDisks: true)
        #expect(plan.xeCommands == ["xe vm-destroy uuid=\(plan.uuid)"])
        _ = try controller.destroy(plan)
        #expect(vdiExists(try #require(plan.disks.first).ref, pool.session))
    }

    @Test func runningVMsAndVendorTemplatesAreRefused() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        #expect(throws: DestroyError.notHalted("fai01", state: "running")) { try controller.destroyPlan(try pool.session.ref(named: "fai01")) }
        let vendor = try pool.session.ref(named: "Debian Squeeze 6.0 (64-bit)")
        #expect(throws: DestroyError.defaultTemplate("Debian Squeeze 6.0 (64-bit)")) { try controller.destroyPlan(vendor) }
    }

    @Test(arguments: ["VM.destroy", "VDI.destroy"])
    func aLostReplyIsSettledByReadingBackAndNotResent(method: String) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let api = LossyAPI(pool.session, losing: method, .reply)
        let controller = try PoolController.open(api: api, stateFolder: temporaryStateFolder())
        let plan = try controller.destroyPlan(try pool.session.ref(named: "fai02"))
        #expect(!plan.disks.isEmpty)
        _ = try controller.destroy(plan)
        #expect(api.count == 1, "a write whose reply was lost but which took effect is not sent again")
        #expect(try pool.session.vm.getByNameLabel("fai02").isEmpty)
        #expect(plan.disks.allSatisfy { !vdiExists($0.ref, pool.session) })
        #expect(try controller.contents().sets.count == 1)
    }

    @Test(arguments: ["VM.destroy", "VDI.destroy"])
    func aDroppedCallIsSentAgainOnlyAfterTheReadBackShowsItDidNotHappen(method: String) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let api = LossyAPI(pool.session, losing: method, .call)
        let controller = try PoolController.open(api: api, stateFolder: temporaryStateFolder())
        let plan = try controller.destroyPlan(try pool.session.ref(named: "fai02"))
        _ = try controller.destroy(plan)
        #expect(api.count == 2)
        #expect(try pool.session.vm.getByNameLabel("fai02").isEmpty)
        #expect(plan.disks.allSatisfy { !vdiExists($0.ref, pool.session) })
    }

    @Test func theCommandDestroysAndUndoRefusesWithExit6() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLIRunEndToEndTests.freshState()
        let dry = try CLIRunEndToEndTests.run(["destroy", "fai02", "--dry-run"], pool: pool, state: state)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("Destroy VM fai02 and its disks: "))
        #expect(dry.stdout.contains("VDI.destroy("))
        #expect(try pool.session.vm.getByNameLabel("fai02").count == 1)
        let running = try CLIRunEndToEndTests.run(["destroy", "fai01"], pool: pool, state: state)
        #expect(running.status == 6)
        #expect(running.stderr == "xsfai: fai01 is running; destroy needs it halted (shut it down first)\n")
        let done = try CLIRunEndToEndTests.run(["destroy", "fai02"], pool: pool, state: state)
        #expect(done.status == 0, "\(done.stderr)")
        #expect(done.stdout.contains("Destroyed fai02 and 1 disk(s) (change set 1, verified; a destroy cannot be undone)."))
        let undo = try CLIRunEndToEndTests.run(["undo"], pool: pool, state: state)
        #expect(undo.status == 6, "\(undo.stderr)")
        let journal = try CLIRunEndToEndTests.run(["journal", "--show", "1"], pool: pool, state: state)
        #expect(journal.stdout.contains("note: not undoable: a destroy cannot be undone"), "\(journal.stdout)")
        #expect(undo.stderr.contains("change set 1 destroyed fai02; a destroy cannot be undone"))
    }
}
