import XMLRPC
public import XenAPI

extension PoolController {
    /// Makes a new VM from `template` as `xe vm-install` does, as one change set: `VM.clone` (or
    /// `VM.copy` to the requested SR) under the set's marker name, the description, the disks XML
    /// pointed at the SR and `VM.provision`, the template's PV-args and install keys carried over
    /// (`--repo` replacing the repository), the template's UUID recorded
    /// (``InstallKeys/templateUUID``), a VIF per network of ``NetworkChoice`` (`VIF.create`, as `xe
    /// vif-create … mac=random`), and the final name last. `existing` (the pool's records, which
    /// the caller holds) is checked for the name; a failed step rolls the set back (the VM is destroyed).
    public func install(
        _ request: InstallRequest, templateRef: Ref<VMRecord>, template: VMRecord, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> InstallReport {
        guard template.isATemplate else { throw InstallError.notATemplate(template.nameLabel) }
        if let repository = request.repository, let problem = InstallRepositoryCheck.problem(repository) {
            throw InstallError.badRepository(problem)
        }
        try Self.refuseDuplicate(request.name, allowed: request.allowDuplicateName, among: existing)
        try refuseWhilePending()
        let (copyTo, srUUID) = try chooseSR(request.sr, template: template)
        let networks = try NetworkChoice.choose(
            request.networks, template: template, networks: api.allNetworkRecords(), none: request.withoutNetwork)
        let method = copyTo == nil ? "VM.clone" : "VM.copy"
        let run = ChangeSetRun(
            controller: self, command: "install",
            creation: Creation(
                method: method, templateUUID: template.uuid, templateName: template.nameLabel, name: request.name,
                marker: "", repository: request.repository, monitor: request.monitor,
                networks: networks.interfaces.map(\.networkUUID)))
        let (newRef, record) = try create(in: run, from: templateRef, copyTo: copyTo)

        let carried = InstallPlanner.carryOverPlan(
            ref: newRef, record: record, template: template, repository: request.repository, monitor: request.monitor)
        let steps = installSteps(
            newRef, record, template: template, repository: request.repository, monitor: request.monitor, srUUID: srUUID,
            interfaces: networks.interfaces, name: request.name)
        let set: ChangeSet
        do {
            try run.announce(steps)
            try run.runAll()
            set = try run.finish()
        } catch let error as ChangeSetError where error.kind == .serverRefused {
            let cleanup = (try? rollBack(error.set.number)) != nil
                ? "rolled back: the new VM was destroyed" : "the new VM \(record.uuid) could not be destroyed"
            throw ChangeSetError(set: error.set, failedCall: error.failedCall, kind: error.kind, reason: "\(error.reason); \(cleanup)")
        }
        let calls = [APICall(method, [templateRef.rawValue, run.creation?.marker ?? ""] + (copyTo.map { [$0] } ?? []))]
            + steps.flatMap { $0.writes.map(\.call) }
        var report = InstallReport(
            ref: newRef.rawValue, uuid: record.uuid, name: request.name, template: template.nameLabel, method: method,
            srUUID: srUUID, carried: carried, calls: calls, changeSet: set.number)
        let vifs = (try? api.vifs(of: newRef)) ?? [:]
        report.interfaces = networks.interfaces.map { interface in
            InstallReport.Interface(
                device: interface.device, network: interface.networkName, networkUUID: interface.networkUUID,
                mac: vifs[interface.device]?.record.mac ?? "",
                xeCommand: VIFCreation.xeCommand(vmUUID: record.uuid, networkUUID: interface.networkUUID, device: interface.device))
        }
        report.networkNote = networks.note
        return report
    }

    /// Copies the template `templateRef` to a new template `name` (XenCenter's "Copy Template…"), as one
    /// change set: clone (or copy to `sr`) under the marker name, the description, then the final name.
    public func copyTemplate(
        _ templateRef: Ref<VMRecord>, _ template: VMRecord, name: String, description: String?, sr: String?,
        allowDuplicateName: Bool, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> ChangeOutcome {
        try Self.refuseDuplicate(name, allowed: allowDuplicateName, among: existing)
        try refuseWhilePending()
        let copyTo = try sr.map { try api.storageRepository($0).ref.rawValue }
        let method = copyTo == nil ? "VM.clone" : "VM.copy"
        let run = ChangeSetRun(
            controller: self, command: "template-copy",
            creation: Creation(method: method, templateUUID: template.uuid, templateName: template.nameLabel, name: name, marker: ""))
        let (newRef, record) = try create(in: run, from: templateRef, copyTo: copyTo)
        let requested = (description.map { [ParamChange(.nameDescription, $0)] } ?? []) + [ParamChange(.nameLabel, name)]
        let plan = ChangePlan(ref: newRef, record: record, requested: requested)
        try run.announce(StepPlan.changes(of: plan))
        try run.runAll()
        let set = try run.finish()
        let xe = "xe vm-clone uuid=\(template.uuid) new-name-label=\(name.shellQuoted)"
        return ChangeOutcome(set: set, xeCommands: [xe], createdUUID: record.uuid)
    }

    /// Announces the creation, clones or copies under the marker name and reads the new object.
    private func create(
        in run: ChangeSetRun, from templateRef: Ref<VMRecord>, copyTo: String?
    ) throws -> (Ref<VMRecord>, VMRecord) {
        try run.announce([])
        let marker = run.creation?.marker ?? ""
        let call = APICall(
            copyTo == nil ? "VM.clone" : "VM.copy", [templateRef.rawValue, marker] + (copyTo.map { [$0] } ?? []))
        let newRef: Ref<VMRecord>
        do {
            newRef = Ref(try perform(PlannedWrite(call, probe: .created(marker: marker))).stringValue ?? "")
        } catch {
            throw run.stop(at: call, error)
        }
        do {
            let record = try api.vmRecord(newRef)
            run.createdUUID = record.uuid
            return (newRef, record)
        } catch {
            throw run.stop(at: nil, error)
        }
    }

    /// Refuses `name` when another object already has it, unless `allowed`.
    static func refuseDuplicate(_ name: String, allowed: Bool, among records: [Ref<VMRecord>: VMRecord]) throws {
        guard !allowed else { return }
        let users = records.values.filter { $0.nameLabel == name && !$0.isASnapshot }
            .map { "\($0.isATemplate ? "template" : "VM") \($0.nameLabel) (\($0.uuid))" }.sorted()
        if !users.isEmpty { throw InstallError.nameInUse(name, objects: users) }
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
}
