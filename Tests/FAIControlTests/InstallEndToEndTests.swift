import FAIControl
import Testing
import XenAPI

@Suite struct InstallEndToEndTests {
    @Test func installFromTheCustomTemplateRunsFAIToSuccess() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (templateRef, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let report = try VMInstaller(api: pool.session, journal: nil).install(
            InstallRequest(name: "fai10", template: "FAI Squeeze 64"), templateRef: templateRef, template: template,
            context: pool.context("install"))
        #expect(report.method == "VM.clone")
        #expect(report.calls.map(\.method) == [
            "VM.clone", "VM.set_name_description", "VM.remove_from_other_config", "VM.add_to_other_config", "VM.provision",
        ])
        let vm = try pool.session.vm.getRecord(Ref(report.ref))
        #expect(!vm.isATemplate)
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
        let journal = temporaryJournal()
        let mirror = "http://127.0.0.1:9/mirror/debian"
        let report = try VMInstaller(api: pool.session, journal: journal).install(
            InstallRequest(name: "fai11", template: "FAI Squeeze 64", repository: mirror), templateRef: templateRef,
            template: template, context: pool.context("install"))
        #expect(report.carried.changes.map { [$0.parameter.xeName, $0.old ?? "-", $0.new ?? "-"] } == [
            ["other-config:install-repository", template.otherConfig["install-repository"] ?? "-", mirror]
        ])
        #expect(try pool.session.vm.getRecord(Ref(report.ref)).otherConfig["install-repository"] == mirror)
        #expect(try journal.entries().count == 1)
    }

    @Test func installingFromAVMIsRefused() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (ref, record) = try pool.resolver().resolve("fai01", kind: .vm)
        #expect(throws: InstallError.notATemplate("fai01")) {
            try VMInstaller(api: pool.session, journal: nil).install(
                InstallRequest(name: "x", template: "fai01"), templateRef: ref, template: record, context: pool.context("install"))
        }
    }
}
