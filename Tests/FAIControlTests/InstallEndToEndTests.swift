import FAIControl
import Testing
import XenAPI

@Suite struct InstallEndToEndTests {
    @Test func installFromTheCustomTemplateRunsFAIToSuccess() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (templateRef, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let report = try pool.controller().install(
            InstallRequest(name: "fai10", template: "FAI Squeeze 64"), templateRef: templateRef, template: template,
            existing: pool.session.allVMRecords())
        #expect(report.method == "VM.clone")
        #expect(report.calls.map(\.method) == [
            "VM.clone", "VM.set_name_description", "VM.remove_from_other_config", "VM.add_to_other_config", "VM.provision",
            "VM.add_to_other_config", "VM.set_name_label",
        ])
        let vm = try pool.session.vm.getRecord(Ref(report.ref))
        #expect(!vm.isATemplate)
        #expect(vm.nameLabel == "fai10")
        #expect(vm.otherConfig[InstallKeys.templateUUID] == template.uuid)
        #expect(vm.pvArgs == template.pvArgs)
        for key in InstallKeys.carried { #expect(vm.otherConfig[key] == template.otherConfig[key]) }
        #expect(vm.otherConfig["disks"] == nil)

        let (code, summary) = try pool.startAndWatch(Ref(report.ref))
        #expect(code == 0, "\(summary)")
    }

    @Test func repoOverrideIsCarriedAndJournaled() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (templateRef, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let controller = try pool.controller()
        let mirror = "http://127.0.0.1:9/mirror/debian"
        let report = try controller.install(
            InstallRequest(name: "fai11", template: "FAI Squeeze 64", repository: mirror), templateRef: templateRef,
            template: template, existing: pool.session.allVMRecords())
        #expect(report.carried.changes.map { [$0.parameter.xeName, $0.old ?? "-", $0.new ?? "-"] } == [
            ["other-config:install-repository", template.otherConfig["install-repository"] ?? "-", mirror]
        ])
        #expect(try pool.session.vm.getRecord(Ref(report.ref)).otherConfig["install-repository"] == mirror)
        let sets = try controller.contents().sets
        #expect(sets.count == 1)
        #expect(sets.first?.isFullyApplied == true)
        #expect(sets.first?.steps.contains { $0.parameter == .otherConfig("install-repository") && $0.new == mirror } == true)
    }

    @Test func installingFromAVMIsRefused() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (ref, record) = try pool.resolver().resolve("fai01", kind: .vm)
        #expect(throws: InstallError.notATemplate("fai01")) {
            try pool.controller().install(
                InstallRequest(name: "x", template: "fai01"), templateRef: ref, template: record, existing: [:])
        }
    }
}
