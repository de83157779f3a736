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

        let controller = try pool.controller()
        _ = try controller.apply(drifted.map(\.plan), command: "check --fix")
        let after = DriftChecker.checkAll(resolver: try pool.resolver())
        #expect(after.allSatisfy { $0.status == .inSync })
        #expect(try controller.contents().sets.map { $0.steps.map(\.parameter) } == [[.pvArgs]])
    }
}
