public import XenAPI

/// Makes a new VM from a template as `xe vm-install` does, then makes sure it carries the template's
/// PV-args and install keys (the XenCenter wizard once dropped them; `--repo` overrides the repository).
///
/// Steps: `VM.clone` (or `VM.copy` to the given SR), `VM.set_name_description`, the `disks` XML's `sr`
/// set to the chosen SR (remove then add, as xe does), `VM.provision`, then a journaled, verified
/// change plan for `PV-args` and `install-repository`/`install-distro`/`debian-release`/`install-arch`.
/// If a step before the carry-over fails, the new VM is destroyed as xe does.
public struct VMInstaller {
    private let plans: PlanExecutor
    private var api: any XenAPICalling { plans.api }

    /// Creates an installer; `journal` nil records nothing.
    public init(api: any XenAPICalling, journal: (any JournalWriting)?) {
        plans = PlanExecutor(api: api, journal: journal)
    }

    /// The changes that make `record` (the new VM) carry `template`'s PV-args and install keys.
    public static func carryOverPlan(
        ref: Ref<VMRecord>, record: VMRecord, template: VMRecord, repository: String?
    ) -> ChangePlan {
        var requested: [ParamChange] = []
        if !template.pvArgs.isEmpty { requested.append(ParamChange(.pvArgs, template.pvArgs)) }
        for key in InstallKeys.carried {
            let value = key == InstallKeys.repository ? (repository ?? template.otherConfig[key]) : template.otherConfig[key]
            if let value, !value.isEmpty { requested.append(ParamChange(.otherConfig(key), value)) }
        }
        return ChangePlan(ref: ref, record: record, requested: requested)
    }

    /// Installs a VM named `request.name` from the template `templateRef`.
    public func install(
        _ request: InstallRequest, templateRef: Ref<VMRecord>, template: VMRecord, context: JournalContext
    ) throws -> InstallReport {
        guard template.isATemplate else { throw InstallError.notATemplate(template.nameLabel) }
        var calls: [APICall] = []
        func perform(_ call: APICall) throws -> String {
            calls.append(call)
            return try api.call(call.method, call.parameters).stringValue ?? ""
        }

        let (srRef, srUUID) = try chooseSR(request.sr, template: template)
        let cloneCall = srRef.map { APICall("VM.copy", [templateRef.rawValue, request.name, $0]) }
            ?? APICall("VM.clone", [templateRef.rawValue, request.name])
        let newRef = Ref<VMRecord>(try perform(cloneCall))
        do {
            _ = try perform(
                APICall("VM.set_name_description", [newRef.rawValue, "Installed via xsfai from \(template.nameLabel)"]))
            if let xml = template.otherConfig[ProvisionDisks.key], let srUUID {
                _ = try perform(APICall("VM.remove_from_other_config", [newRef.rawValue, ProvisionDisks.key]))
                _ = try perform(
                    APICall(
                        "VM.add_to_other_config",
                        [newRef.rawValue, ProvisionDisks.key, ProvisionDisks.settingSR(of: xml, to: srUUID)]))
            }
            _ = try perform(APICall("VM.provision", [newRef.rawValue]))
        } catch {
            let step = calls.last?.method ?? "install"
            let cleanup: String
            do {
                _ = try api.call("VM.destroy", [.string(newRef.rawValue)])
                cleanup = "the new VM was destroyed"
            } catch {
                cleanup = "destroying the new VM \(newRef) failed too: \(Self.reason(error))"
            }
            throw InstallError.stepFailed(step: step, reason: Self.reason(error), cleanup: cleanup)
        }
        let record = try api.vmRecord(newRef)
        let carried = Self.carryOverPlan(ref: newRef, record: record, template: template, repository: request.repository)
        try plans.apply(carried, context: context)
        calls += carried.calls
        return InstallReport(
            ref: newRef.rawValue, uuid: record.uuid, name: request.name, template: template.nameLabel,
            method: cloneCall.method, srUUID: srUUID, carried: carried, calls: calls)
    }

    /// The SR to copy to (`nil` to clone) and the SR UUID for the disks XML.
    private func chooseSR(_ query: String?, template: VMRecord) throws -> (copyTo: String?, uuid: String?) {
        if let query {
            let target = try api.storageRepository(query)
            return (target.ref.rawValue, target.record.uuid)
        }
        let srs = try api.allSRRecords()
        let defaultSR = try api.allPoolRecords().values.first?.defaultSR ?? .null
        if let sr = srs[defaultSR] { return (nil, sr.uuid) }
        if template.otherConfig[ProvisionDisks.key] != nil { throw InstallError.noDefaultSR(template: template.nameLabel) }
        return (nil, nil)
    }

    private static func reason(_ error: any Error) -> String {
        (error as? XenAPIError)?.message ?? "\(error)"
    }
}
