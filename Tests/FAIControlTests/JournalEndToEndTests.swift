import FAIControl
import Foundation
import Simulator
import Testing
import XenAPI

@Suite struct JournalEndToEndTests {
    func rearm(_ name: String, on pool: LoopbackPool, with controller: PoolController) throws -> Ref<VMRecord> {
        let resolver = try pool.resolver()
        let (ref, record) = try resolver.resolve(name, kind: .vm)
        _ = try controller.rearm(try RearmPlanner.plan(ref: ref, record: record, resolver: resolver, force: false))
        return ref
    }

    @Test func undoOfARearmRevertsTheWholeChangeSet() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let before = try pool.session.vm.getRecord(try pool.session.ref(named: "fai02"))
        let ref = try rearm("fai02", on: pool, with: controller)
        let outcome = try controller.undo()
        let after = try pool.session.vm.getRecord(ref)
        #expect(after.pvBootloader == before.pvBootloader)
        #expect(after.otherConfig["install-distro"] == before.otherConfig["install-distro"])
        #expect(outcome.set?.undoes == 1)
        #expect(outcome.set?.steps.map(\.parameter) == [.otherConfig("install-distro"), .pvBootloader])
        #expect(throws: JournalError.nothingToUndo) { try controller.undo() }
    }

    @Test func undoAfterTheVMBootedIsExplainedNotRefusedForever() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let ref = try rearm("fai02", on: pool, with: controller)
        try pool.session.vm.start(ref)
        let booted = try pool.session.vm.getRecord(ref)
        #expect(booted.pvBootloader == "pygrub")
        #expect(booted.otherConfig["install-distro"] == nil)
        let outcome = try controller.undo()
        #expect(outcome.set?.steps == [])
        #expect(outcome.set?.undoes == 1)
        #expect(outcome.notes.contains { $0.contains("eliloader switched PV-bootloader to pygrub") })
        #expect(outcome.notes.contains { $0.contains("eliloader removed other-config:install-distro") })
        // The next undo goes on to older sets instead of refusing the same one again.
        #expect(throws: JournalError.nothingToUndo) { try controller.undo() }
    }

    @Test func aRefusedSetNeverBlocksAnOlderOne() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let (ref, record) = try pool.resolver().resolve("fai01", kind: .vm)
        _ = try controller.apply(ChangePlan(ref: ref, record: record, requested: [ParamChange(.pvArgs, "console=hvc0 boot=live")]), command: "vm-set")
        let changed = try pool.session.vm.getRecord(ref)
        _ = try controller.apply(ChangePlan(ref: ref, record: changed, requested: [ParamChange(.otherConfig("install-arch"), "i386")]), command: "vm-set")
        try pool.session.vm.setOtherConfigKey(ref, key: "install-arch", value: "armhf")
        #expect(throws: UndoRefusal.self) { try controller.undo() }
        _ = try controller.undo(1)
        #expect(try pool.session.vm.getRecord(ref).pvArgs == record.pvArgs)
        #expect(try pool.session.vm.getRecord(ref).otherConfig["install-arch"] == "armhf")
    }

    @Test func eachPoolOnlyEverSeesItsOwnJournal() async throws {
        let poolA = try await LoopbackPool.start()
        let poolB = try await LoopbackPool.start()
        defer { Task { await poolA.stop(); await poolB.stop() } }
        let state = temporaryStateFolder()
        let controllerA = try poolA.controller(stateFolder: state)
        let controllerB = try poolB.controller(stateFolder: state)
        #expect(controllerA.journal.path != controllerB.journal.path)
        _ = try rearm("fai02", on: poolA, with: controllerA)
        #expect(try controllerB.contents().sets.isEmpty)
        #expect(throws: JournalError.nothingToUndo) { try controllerB.undo() }
        #expect(try poolB.session.vm.getRecord(try poolB.session.ref(named: "fai02")).pvBootloader == "pygrub")
        _ = try controllerA.undo()
        #expect(try poolA.session.vm.getRecord(try poolA.session.ref(named: "fai02")).pvBootloader == "pygrub")
    }
}
