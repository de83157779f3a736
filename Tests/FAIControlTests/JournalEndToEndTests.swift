import FAIControl
import Testing
import XenAPI

@Suite struct JournalEndToEndTests {
    @Test func undoRestoresAndRefusesAfterAnOutsideChange() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (ref, record) = try pool.resolver().resolve("fai01", kind: .vm)
        let journal = temporaryJournal()
        let executor = PlanExecutor(api: pool.session, journal: journal)
        let original = record.pvArgs
        try executor.apply(
            ChangePlan(ref: ref, record: record, requested: [ParamChange(.pvArgs, "console=hvc0 quiet")]),
            context: pool.context("vm-set"))
        let context = try pool.context("undo", undoes: 1)

        let entry = try UndoPlanner.entryToUndo(nil, in: journal.entries())
        let undo = try UndoPlanner.plan(undoing: entry, ref: ref, record: pool.session.vm.getRecord(ref), pool: context.pool)
        try executor.apply(undo, context: context)
        #expect(try pool.session.vm.getRecord(ref).pvArgs == original)
        #expect(throws: JournalError.nothingToUndo) { try UndoPlanner.entryToUndo(nil, in: journal.entries()) }

        // A second change, then someone else edits the same field: undo must refuse.
        let current = try pool.session.vm.getRecord(ref)
        try executor.apply(
            ChangePlan(ref: ref, record: current, requested: [ParamChange(.otherConfig("install-arch"), "i386")]),
            context: pool.context("vm-set"))
        try pool.session.vm.setOtherConfigKey(ref, key: "install-arch", value: "amd64")
        let newest = try UndoPlanner.entryToUndo(nil, in: journal.entries())
        #expect(newest.number == 3)
        #expect(
            throws: UndoRefusal.changedSince(
                entry: 3, object: "fai01", parameter: .otherConfig("install-arch"), expected: "i386", found: "amd64")
        ) {
            try UndoPlanner.plan(undoing: newest, ref: ref, record: pool.session.vm.getRecord(ref), pool: context.pool)
        }
    }
}
