import FAIControl
import Testing
import XenAPI

@Suite struct CheckEndToEndTests {
    @Test func xenCenterBugVMIsFoundAndFixed() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let results = DriftChecker.checkAll(resolver: try pool.resolver())
        let drifted = results.filter { $0.status == .drifted }
        #expect(drifted.map(\.vm) == ["fai03"])
        let template = try pool.session.vm.getRecord(try pool.session.ref(named: "FAI Squeeze 64"))
        let fix = try #require(drifted.first?.plan)
        #expect(fix.changes.map(\.parameter) == [.pvArgs])
        #expect(fix.changes.map(\.new) == [template.pvArgs])

        let journal = temporaryJournal()
        try PlanExecutor(api: pool.session, journal: journal).apply(fix, context: pool.context("check --fix"))
        let after = DriftChecker.checkAll(resolver: try pool.resolver())
        #expect(after.allSatisfy { $0.status == .inSync })
        #expect(try journal.entries().map(\.entry.parameter) == [.pvArgs])
    }
}
