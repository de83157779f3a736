import FAIControl
import Testing
import XenAPI

@Suite struct RearmTests {
    let ref = Ref<VMRecord>("OpaqueRef:fai02")

    @Test func abortedInstallIsArmedWithTemplateDistro() throws {
        let plan = try RearmPlanner.plan(ref: ref, record: TestRecords.aborted, template: TestRecords.faiTemplate, force: false)
        #expect(
            plan.changes.calls == [
                APICall("VM.set_PV_bootloader", ["OpaqueRef:fai02", "eliloader"]),
                APICall("VM.add_to_other_config", ["OpaqueRef:fai02", "install-distro", "debianlike"]),
            ])
        #expect(
            plan.changes.xeCommands == [
                "xe vm-param-set uuid=bbbbbbbb-0000-0000-0000-000000000002 PV-bootloader=eliloader other-config:install-distro=debianlike"
            ])
        #expect(!plan.shutsDownFirst)
        #expect(plan.restoredFromTemplate == [])
    }

    @Test func missingKeysAndEmptyArgsComeFromTheTemplate() throws {
        var vm = TestRecords.aborted
        vm.otherConfig = ["base_template_name": "FAI Lenny", "install-arch": "i386"]
        vm.pvArgs = ""
        let plan = try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: false)
        #expect(
            plan.changes.requested == [
                ParamChange(.pvBootloader, "eliloader"), ParamChange(.otherConfig("install-distro"), "debianlike"),
                ParamChange(.otherConfig("install-repository"), TestRecords.repo),
                ParamChange(.otherConfig("debian-release"), "lenny"), ParamChange(.pvArgs, TestRecords.faiArgs),
            ])
        #expect(plan.restoredFromTemplate == ["other-config:install-repository", "other-config:debian-release", "PV-args"])
    }

    @Test func withoutTemplateDistroDefaultsToDebianlike() throws {
        var template = TestRecords.faiTemplate
        template.otherConfig["install-distro"] = nil
        let plan = try RearmPlanner.plan(ref: ref, record: TestRecords.aborted, template: template, force: false)
        #expect(plan.changes.requested.contains(ParamChange(.otherConfig("install-distro"), "debianlike")))
    }

    @Test func missingKeysWithoutTemplateFailNamingThem() {
        var vm = TestRecords.aborted
        vm.otherConfig = ["install-arch": "i386"]
        #expect(throws: RearmError.missingKeys("fai02", keys: ["install-repository", "debian-release"], template: nil)) {
            try RearmPlanner.plan(ref: ref, record: vm, template: nil, force: false)
        }
    }

    @Test func armedVMIsAlreadyArmed() throws {
        var vm = TestRecords.aborted
        vm.pvBootloader = "eliloader"
        vm.otherConfig["install-distro"] = "debianlike"
        vm.powerState = .running
        let plan = try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: false)
        #expect(plan.isAlreadyArmed)
        #expect(plan.changes.calls == [])
    }

    @Test func refusesTemplatesHVMAndControlDomains() {
        #expect(throws: RearmError.isTemplate("FAI Lenny")) {
            try RearmPlanner.plan(ref: ref, record: TestRecords.faiTemplate, template: nil, force: true)
        }
        let hvm = TestRecords.vm(uuid: "c", name: "win", hvm: true)
        #expect(throws: RearmError.isHVM("win")) { try RearmPlanner.plan(ref: ref, record: hvm, template: nil, force: true) }
        let dom0 = TestRecords.vm(uuid: "d", name: "Control domain on host: xs1", power: .running, controlDomain: true)
        #expect(throws: RearmError.isControlDomain("Control domain on host: xs1")) {
            try RearmPlanner.plan(ref: ref, record: dom0, template: nil, force: true)
        }
    }

    @Test(arguments: [VMPowerState.running, .paused, .suspended])
    func notHaltedNeedsForce(state: VMPowerState) throws {
        var vm = TestRecords.aborted
        vm.powerState = state
        #expect(throws: RearmError.notHalted("fai02", state: state.rawValue.lowercased())) {
            try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: false)
        }
        let forced = try RearmPlanner.plan(ref: ref, record: vm, template: TestRecords.faiTemplate, force: true)
        #expect(forced.shutsDownFirst)
        #expect(RearmError.notHalted("fai02", state: "running").description
            == "fai02 is running; rearm needs it halted: add --force to hard-shut it down first")
    }

    @Test func rearmTwiceWritesOnce() throws {
        let api = RecordingAPI([ref.rawValue: TestRecords.aborted])
        let controller = memoryController(api)
        for _ in 0..<2 {
            let record = try #require(api.record(ref.rawValue))
            let plan = try RearmPlanner.plan(ref: ref, record: record, template: TestRecords.faiTemplate, force: false)
            _ = try controller.rearm(plan)
        }
        #expect(try controller.contents().sets.count == 1)
        #expect(api.writes.map(\.method) == ["VM.set_PV_bootloader", "VM.add_to_other_config"])
    }

    @Test func forcedRearmShutsDownAppliesAndStarts() throws {
        var running = TestRecords.aborted
        running.powerState = .running
        let api = RecordingAPI([ref.rawValue: running])
        let plan = try RearmPlanner.plan(ref: ref, record: running, template: TestRecords.faiTemplate, force: true)
        let outcome = try memoryController(api).rearm(plan, start: true)
        #expect(outcome.set?.steps.map { $0.operation ?? $0.parameter?.xeName ?? "" } == [
            "VM.hard_shutdown", "PV-bootloader", "other-config:install-distro",
        ])
        #expect(
            api.writes.map(\.method) == ["VM.hard_shutdown", "VM.set_PV_bootloader", "VM.add_to_other_config", "VM.start"])
    }
}
