import FAIControl
import Testing
import XenAPI

@Suite struct PlanTests {
    let ref = Ref<VMRecord>("OpaqueRef:vm1")
    let vm = TestRecords.vm(
        uuid: "11111111-2222-3333-4444-555555555555", name: "fai01", pvArgs: "-- quiet console=hvc0",
        otherConfig: ["install-repository": "http://old/debian"])

    @Test func parsesEveryParameterKind() throws {
        let changes = try ParamChange.parse(
            assignments: [
                "PV-args=quiet console=hvc0 FAI_ACTION=install", "PV-bootloader=eliloader", "PV-bootloader-args=",
                "PV-kernel=/k", "PV-ramdisk=/r", "name-label=new", "name-description=a=b",
                "other-config:install-repository=http://x/debian",
            ],
            removals: ["other-config:install-round"])
        #expect(
            changes == [
                ParamChange(.pvArgs, "quiet console=hvc0 FAI_ACTION=install"), ParamChange(.pvBootloader, "eliloader"),
                ParamChange(.pvBootloaderArgs, ""), ParamChange(.pvKernel, "/k"), ParamChange(.pvRamdisk, "/r"),
                ParamChange(.nameLabel, "new"), ParamChange(.nameDescription, "a=b"),
                ParamChange(.otherConfig("install-repository"), "http://x/debian"),
                ParamChange(.otherConfig("install-round"), nil),
            ])
    }

    @Test func rejectsBadParameters() {
        #expect(throws: ParamSpecError.unknownParameter("PV_args")) { try ParamChange(assignment: "PV_args=x") }
        #expect(throws: ParamSpecError.missingValue("PV-args")) { try ParamChange(assignment: "PV-args") }
        #expect(throws: ParamSpecError.emptyOtherConfigKey) { try ParamChange(assignment: "other-config:=x") }
        #expect(throws: ParamSpecError.notRemovable("PV-args")) { try ParamChange(removal: "PV-args") }
        #expect(throws: ParamSpecError.emptyValue("name-label")) { try ParamChange(assignment: "name-label=") }
        #expect(throws: ParamSpecError.duplicate("PV-args")) {
            try ParamChange.parse(assignments: ["PV-args=a", "PV-args=b"], removals: [])
        }
    }

    @Test func plainFieldIsOneSetterCall() {
        let plan = ChangePlan(ref: ref, record: vm, requested: [ParamChange(.pvArgs, "quiet console=hvc0 FAI_ACTION=install")])
        #expect(
            plan.changes == [
                PlannedChange(
                    parameter: .pvArgs, old: "-- quiet console=hvc0", new: "quiet console=hvc0 FAI_ACTION=install",
                    calls: [APICall("VM.set_PV_args", ["OpaqueRef:vm1", "quiet console=hvc0 FAI_ACTION=install"])])
            ])
        #expect(
            plan.xeCommands == [
                "xe vm-param-set uuid=11111111-2222-3333-4444-555555555555 PV-args='quiet console=hvc0 FAI_ACTION=install'"
            ])
    }

    @Test func existingOtherConfigKeyIsRemovedThenAdded() {
        let plan = ChangePlan(
            ref: ref, record: vm, requested: [ParamChange(.otherConfig("install-repository"), "http://new/debian")])
        #expect(
            plan.calls == [
                APICall("VM.remove_from_other_config", ["OpaqueRef:vm1", "install-repository"]),
                APICall("VM.add_to_other_config", ["OpaqueRef:vm1", "install-repository", "http://new/debian"]),
            ])
        #expect(plan.changes.map(\.old) == ["http://old/debian"])
        #expect(
            plan.xeCommands == [
                "xe vm-param-set uuid=11111111-2222-3333-4444-555555555555 other-config:install-repository=http://new/debian"
            ])
    }

    @Test func missingOtherConfigKeyIsOnlyAdded() {
        let plan = ChangePlan(ref: ref, record: vm, requested: [ParamChange(.otherConfig("install-distro"), "debianlike")])
        #expect(plan.calls == [APICall("VM.add_to_other_config", ["OpaqueRef:vm1", "install-distro", "debianlike"])])
        #expect(plan.changes.map(\.old) == [nil])
    }

    @Test func removalIsOneCallAndAnXeParamRemove() {
        let plan = ChangePlan(ref: ref, record: vm, requested: [ParamChange(.otherConfig("install-repository"), nil)])
        #expect(plan.calls == [APICall("VM.remove_from_other_config", ["OpaqueRef:vm1", "install-repository"])])
        #expect(
            plan.xeCommands == [
                "xe vm-param-remove uuid=11111111-2222-3333-4444-555555555555 param-name=other-config param-key=install-repository"
            ])
    }

    @Test func unchangedValuesMakeNoCalls() {
        let plan = ChangePlan(
            ref: ref, record: vm,
            requested: [ParamChange(.pvArgs, "-- quiet console=hvc0"), ParamChange(.otherConfig("absent"), nil)])
        #expect(plan.isEmpty)
        #expect(plan.unchanged == [.pvArgs, .otherConfig("absent")])
        #expect(plan.xeCommands == [])
    }

    @Test func templatesUseTemplateCommandsAndQuoting() {
        let plan = ChangePlan(
            ref: ref, record: TestRecords.faiTemplate,
            requested: [ParamChange(.nameDescription, "it's mine"), ParamChange(.pvBootloaderArgs, "--entry 2")])
        #expect(
            plan.xeCommands == [
                "xe template-param-set uuid=aaaaaaaa-0000-0000-0000-000000000001 name-description='it'\\''s mine' PV-bootloader-args='--entry 2'"
            ])
    }

    @Test func controllerAppliesAsOneChangeSetJournalsAndVerifies() throws {
        let api = RecordingAPI(["OpaqueRef:vm1": vm])
        let controller = memoryController(api)
        let plan = ChangePlan(
            ref: ref, record: vm,
            requested: [ParamChange(.pvBootloader, "eliloader"), ParamChange(.otherConfig("install-repository"), "http://new")])
        let outcome = try controller.apply(plan, command: "vm-set")
        #expect(api.record("OpaqueRef:vm1")?.pvBootloader == "eliloader")
        #expect(api.writes == plan.calls)
        let sets = try controller.contents().sets
        #expect(sets.count == 1)
        #expect(sets[0].steps.map { [$0.parameter?.xeName ?? "-", $0.old ?? "-", $0.new ?? "-"] } == [
            ["PV-bootloader", "pygrub", "eliloader"], ["other-config:install-repository", "http://old/debian", "http://new"],
        ])
        #expect(sets[0].states == [.applied, .applied])
        #expect(outcome.set?.number == 1)
        #expect(outcome.xeCommands == plan.xeCommands)
    }

    @Test func aFailedCallRecordsWhatThePoolHolds() throws {
        let api = RecordingAPI(["OpaqueRef:vm1": vm], failOn: "VM.add_to_other_config")
        let controller = memoryController(api)
        let plan = ChangePlan(
            ref: ref, record: vm,
            requested: [ParamChange(.pvBootloader, "eliloader"), ParamChange(.otherConfig("install-distro"), "debianlike")])
        let error = try #require(throws: ChangeSetError.self) { try controller.apply(plan, command: "rearm") }
        #expect(error.failedCall == APICall("VM.add_to_other_config", ["OpaqueRef:vm1", "install-distro", "debianlike"]))
        #expect(error.set.states == [.applied, .notApplied])
        #expect(error.kind == .serverRefused)
        #expect(error.description.contains("1 of 2 applied"))
        #expect(error.description.contains("--roll-back 1"))
        #expect(try controller.contents().sets[0].states == [.applied, .notApplied])
    }

    @Test func aReadBackMismatchFailsVerification() throws {
        let api = RecordingAPI(["OpaqueRef:vm1": vm])
        // A plan whose call writes another value than it promises: the read-back catches it.
        let plan = ChangePlan(
            target: PlanTarget(ref: ref, record: vm),
            changes: [PlannedChange(parameter: .pvArgs, old: "x", new: "wanted", calls: [APICall("VM.set_PV_args", ["OpaqueRef:vm1", "other"])])])
        let error = try #require(throws: ChangeSetError.self) { try memoryController(api).apply(plan, command: "vm-set") }
        #expect(error.kind == .verification)
        #expect(error.set.states == [.unknown])
    }
}

/// A controller over `api` with a journal in a fresh temporary folder.
func memoryController(_ api: RecordingAPI) -> PoolController {
    PoolController(api: api, poolUUID: "p1", journal: temporaryJournal())
}
