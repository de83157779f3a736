import FAIControl
import Foundation
import Testing
import XMLRPC
import XenAPI

/// Destroying failed test installs: the disks are named before anything is written, each call is
/// made once (a lost reply is settled by reading back), the destroy is journaled and cannot be undone.
@Suite struct DestroyTests {
    /// Passes calls to the session, except that `method` loses its reply (done, then an error) or is
    /// dropped (not done, an error); counts every call of `method`.
    final class LossyAPI: XenAPICalling, @unchecked Sendable {
        enum Loss { case reply, call }
        struct Lost: Error {}
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
            if loss == .call { throw Lost() }
            _ = try session.call(method, params)
            throw Lost()
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

    @Test func planNamesTheDisksAndApplyDestroysVMAndDisksWithOneJournalEntry() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let journal = temporaryJournal()
        let destroyer = VMDestroyer(api: pool.session, journal: journal)
        let ref = try pool.session.ref(named: "fai02")
        let plan = try destroyer.plan(ref)
        #expect(plan.disks.count == 1)
        let disk = try #require(plan.disks.first)
        #expect(disk.size > 0 && disk.device == "0" && disk.sharedWith.isEmpty)
        #expect(plan.confirmationText.hasPrefix("VM fai02 and its disks: \(disk.name) ("))
        #expect(plan.xeCommands == ["xe vm-uninstall uuid=\(plan.uuid) force=true"])
        try destroyer.apply(plan, context: pool.context("destroy"))
        #expect(try pool.session.vm.getByNameLabel("fai02").isEmpty)
        #expect(!vdiExists(disk.ref, pool.session))
        let entries = try journal.entries()
        #expect(entries.count == 1)
        #expect(entries.first?.entry.isDestroy == true)
        #expect(entries.first?.entry.command.hasPrefix("destroy (disks destroyed: \(disk.name)") == true)
        #expect(throws: UndoRefusal.notUndoable(entry: 1, object: "fai02")) { try UndoPlanner.entryToUndo(nil, in: entries) }
    }

    @Test func keepDisksDestroysOnlyTheRecord() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let destroyer = VMDestroyer(api: pool.session, journal: temporaryJournal())
        let plan = try destroyer.plan(try pool.session.ref(named: "fai02"), keepDisks: true)
        #expect(plan.xeCommands == ["xe vm-destroy uuid=\(plan.uuid)"])
        try destroyer.apply(plan, context: pool.context("destroy"))
        #expect(vdiExists(try #require(plan.disks.first).ref, pool.session))
    }

    @Test func runningVMsAndVendorTemplatesAreRefused() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let destroyer = VMDestroyer(api: pool.session, journal: temporaryJournal())
        #expect(throws: DestroyError.notHalted("fai01", state: "running")) { try destroyer.plan(try pool.session.ref(named: "fai01")) }
        let vendor = try pool.session.ref(named: "Debian Squeeze 6.0 (64-bit)")
        #expect(throws: DestroyError.defaultTemplate("Debian Squeeze 6.0 (64-bit)")) { try destroyer.plan(vendor) }
    }

    @Test func aLostReplyIsSettledByReadingBackAndNotResent() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        for method in ["VM.destroy", "VDI.destroy"] {
            let name = method == "VM.destroy" ? "fai02" : "fai03"
            let api = LossyAPI(pool.session, losing: method, .reply)
            let journal = temporaryJournal()
            let destroyer = VMDestroyer(api: api, journal: journal)
            let plan = try destroyer.plan(try pool.session.ref(named: name))
            #expect(!plan.disks.isEmpty)
            try destroyer.apply(plan, context: pool.context("destroy"))
            #expect(api.count == plan.disksToDestroy.count(where: { _ in method == "VDI.destroy" }) + (method == "VM.destroy" ? 1 : 0))
            #expect(try pool.session.vm.getByNameLabel(name).isEmpty)
            #expect(plan.disks.allSatisfy { !vdiExists($0.ref, pool.session) })
            #expect(try journal.entries().count == 1)
        }
    }

    @Test func aDroppedCallFailsWithoutJournalingOrResending() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let api = LossyAPI(pool.session, losing: "VM.destroy", .call)
        let journal = temporaryJournal()
        let destroyer = VMDestroyer(api: api, journal: journal)
        let plan = try destroyer.plan(try pool.session.ref(named: "fai02"))
        #expect(throws: LossyAPI.Lost.self) { try destroyer.apply(plan, context: pool.context("destroy")) }
        #expect(api.count == 1)
        #expect(try pool.session.vm.getByNameLabel("fai02").count == 1)
        #expect(plan.disks.allSatisfy { vdiExists($0.ref, pool.session) }, "no disk goes when its VM could not")
        #expect(try journal.entries().isEmpty)
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
        #expect(done.stdout.contains("Destroyed fai02 and 1 disk(s) (journaled; a destroy cannot be undone)."))
        let undo = try CLIRunEndToEndTests.run(["undo"], pool: pool, state: state)
        #expect(undo.status == 6)
        #expect(undo.stderr.contains("destroyed fai02; a destroy cannot be undone"))
    }
}
