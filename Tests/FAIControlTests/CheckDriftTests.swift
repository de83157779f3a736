import FAIControl
import Testing
import XenAPI

@Suite struct CheckDriftTests {
    @Test func xenCenterBugVMDriftsAndInstalledVMIsInSync() {
        var bug = TestRecords.aborted
        bug.nameLabel = "fai03"
        bug.pvArgs = ""
        var installed = TestRecords.aborted
        installed.nameLabel = "fai01"
        installed.uuid = "cccccccc-0000-0000-0000-000000000003"
        let orphan = TestRecords.vm(uuid: "dddddddd-0000-0000-0000-000000000004", name: "lonely")
        let resolver = TargetResolver(records: [
            Ref("OpaqueRef:t"): TestRecords.faiTemplate, Ref("OpaqueRef:bug"): bug, Ref("OpaqueRef:ok"): installed,
            Ref("OpaqueRef:o"): orphan,
            Ref("OpaqueRef:dom0"): TestRecords.vm(uuid: "e", name: "dom0", power: .running, controlDomain: true),
        ])
        let results = DriftChecker.checkAll(resolver: resolver)
        #expect(results.map { [$0.vm, $0.status.rawValue] } == [["fai01", "in-sync"], ["fai03", "drifted"], ["lonely", "no-template"]])
        #expect(results[1].plan.calls == [APICall("VM.set_PV_args", ["OpaqueRef:bug", TestRecords.faiArgs])])
    }
}
