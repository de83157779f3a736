import XMLRPC
public import XenAPI

extension PoolController {
    /// Makes a new VM from `template` as `xe vm-install` does: ``planInstall(_:templateRef:template:existing:)``,
    /// then ``execute(_:)`` of that plan; a step the server refuses rolls the set back (the VM is destroyed).
    public func install(
        _ request: InstallRequest, templateRef: Ref<VMRecord>, template: VMRecord, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> InstallReport {
        try install(try planInstall(request, templateRef: templateRef, template: template, existing: existing))
    }

    /// Runs the install `plan` (from ``planInstall(_:templateRef:template:existing:)``) and reports it;
    /// a step the server refuses rolls the set back (the VM is destroyed).
    public func install(_ plan: InstallPlan) throws -> InstallReport {
        let created: (set: ChangeSet, ref: Ref<VMRecord>, record: VMRecord, steps: [StepPlan])
        do {
            created = try execute(plan.creation)
        } catch let error as ChangeSetError where error.kind == .serverRefused {
            let cleanup = (try? rollBack(error.set.number)) != nil
                ? "rolled back: the new VM was destroyed" : "the new VM \(error.set.created ?? "") could not be destroyed"
            throw ChangeSetError(set: error.set, failedCall: error.failedCall, kind: error.kind, reason: "\(error.reason); \(cleanup)")
        }
        let (set, newRef, record, steps) = created
        var report = InstallReport(
            ref: newRef.rawValue, uuid: record.uuid, name: plan.creation.creation.name, template: plan.creation.creation.templateName,
            method: plan.creation.creation.method, srUUID: plan.srUUID,
            carried: plan.carried.replacing(CreationPlan.newRef, by: newRef, target: PlanTarget(ref: newRef, record: record)),
            calls: [plan.creation.create.call] + steps.flatMap { $0.writes.map(\.call) }, changeSet: set.number)
        let vifs = (try? api.vifs(of: newRef)) ?? [:]
        report.interfaces = plan.interfaces.map { interface in
            InstallReport.Interface(
                device: interface.device, network: interface.networkName, networkUUID: interface.networkUUID,
                mac: vifs[interface.device]?.record.mac ?? "",
                xeCommand: VIFCreation.xeCommand(vmUUID: record.uuid, networkUUID: interface.networkUUID, device: interface.device))
        }
        report.networkNote = plan.networkNote
        return report
    }

    /// The install of `request` from `template`, planned and checked without writing to the pool:
    /// `VM.clone` (or `VM.copy` to the requested SR) under the set's marker name, the description, the
    /// disks XML pointed at the SR and `VM.provision`, the template's PV-args and install keys carried
    /// over (`--repo` replacing the repository), the template's UUID recorded
    /// (``InstallKeys/templateUUID``), a VIF per network of ``NetworkChoice`` (`VIF.create`, as `xe
    /// vif-create … mac=random`), and the final name last. `existing` (the pool's records, which the
    /// caller holds) is checked for the name.
    public func planInstall(
        _ request: InstallRequest, templateRef: Ref<VMRecord>, template: VMRecord, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> InstallPlan {
        guard template.isATemplate else { throw InstallError.notATemplate(template.nameLabel) }
        if let repository = request.repository, let problem = InstallRepositoryCheck.problem(repository) {
            throw InstallError.badRepository(problem)
        }
        try Self.refuseDuplicate(request.name, allowed: request.allowDuplicateName, among: existing)
        try refuseWhilePending()
        let (copyTo, srUUID) = try chooseSR(request.sr, template: template)
        let networks = try NetworkChoice.choose(
            request.networks, template: template, networks: api.allNetworkRecords(), none: request.withoutNetwork)
        let creation = Creation(
            method: copyTo == nil ? "VM.clone" : "VM.copy", templateUUID: template.uuid, templateName: template.nameLabel,
            name: request.name, marker: "", repository: request.repository, monitor: request.monitor,
            networks: networks.interfaces.map(\.networkUUID))
        return InstallPlan(
            creation: creationPlan(
                "install", creation, templateRef: templateRef, template: template, copyTo: copyTo.map { ($0, srUUID ?? "") }
            ) { predicted in
                installSteps(
                    CreationPlan.newRef, predicted, template: template, repository: request.repository, monitor: request.monitor,
                    srUUID: srUUID, interfaces: networks.interfaces, name: request.name)
            },
            carried: InstallPlanner.carryOverPlan(
                ref: CreationPlan.newRef, record: CreationPlan.predictedClone(of: template, marker: ""), template: template,
                repository: request.repository, monitor: request.monitor),
            srUUID: srUUID, interfaces: networks.interfaces, networkNote: networks.note)
    }

    /// Copies the template `templateRef` to a new template `name` (XenCenter's "Copy Template…"):
    /// ``planTemplateCopy(_:_:name:description:sr:allowDuplicateName:existing:)``, then ``execute(_:)``.
    public func copyTemplate(
        _ templateRef: Ref<VMRecord>, _ template: VMRecord, name: String, description: String?, sr: String?,
        allowDuplicateName: Bool, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> ChangeOutcome {
        let plan = try planTemplateCopy(
            templateRef, template, name: name, description: description, sr: sr, allowDuplicateName: allowDuplicateName,
            existing: existing)
        let (set, _, record, _) = try execute(plan)
        return ChangeOutcome(set: set, xeCommands: plan.listing.flatMap(\.xe), createdUUID: record.uuid)
    }

    /// The copy of template `templateRef` as a new template `name`, planned without writing: clone (or
    /// copy to `sr`) under the marker name, the description, then the final name.
    public func planTemplateCopy(
        _ templateRef: Ref<VMRecord>, _ template: VMRecord, name: String, description: String?, sr: String?,
        allowDuplicateName: Bool, existing: [Ref<VMRecord>: VMRecord]
    ) throws -> CreationPlan {
        try Self.refuseDuplicate(name, allowed: allowDuplicateName, among: existing)
        try refuseWhilePending()
        let copyTo = try sr.map { try api.storageRepository($0) }
        let creation = Creation(
            method: copyTo == nil ? "VM.clone" : "VM.copy", templateUUID: template.uuid, templateName: template.nameLabel,
            name: name, marker: "")
        return creationPlan("template-copy", creation, templateRef: templateRef, template: template, copyTo: copyTo.map { ($0.ref.rawValue, $0.record.uuid) }) { predicted in
            let requested = (description.map { [ParamChange(.nameDescription, $0)] } ?? []) + [ParamChange(.nameLabel, name)]
            return StepPlan.changes(of: ChangePlan(ref: CreationPlan.newRef, record: predicted, requested: requested))
        }
    }

    /// Runs a creating `plan` as one change set: announces the creation, clones or copies under the
    /// marker name, checks the clone against the plan's prediction (a difference stops the set and
    /// destroys the clone: the plan no longer holds), announces the plan's steps bound to the new
    /// object, runs them, reads back and verifies. Returns the set, the new object and the steps run.
    public func execute(
        _ plan: CreationPlan
    ) throws -> (set: ChangeSet, ref: Ref<VMRecord>, record: VMRecord, steps: [StepPlan]) {
        try refuseWhilePending()
        let run = ChangeSetRun(controller: self, command: plan.command, id: plan.id, creation: plan.creation)
        let (newRef, record) = try create(in: run, plan.create)
        let mismatches = plan.mismatches(in: record)
        guard mismatches.isEmpty else {
            let error = run.refuse("the clone differs from the plan (\(mismatches.joined(separator: "; ")))")
            let cleanup = (try? rollBack(error.set.number)) != nil ? "rolled back: the clone was destroyed" : "the clone \(record.uuid) could not be destroyed"
            throw ChangeSetError(set: error.set, failedCall: nil, kind: .verification, reason: "\(error.reason); \(cleanup)")
        }
        let steps = plan.bound(to: newRef, uuid: record.uuid)
        try run.announce(steps)
        try run.runAll()
        return (try run.finish(), newRef, record, steps)
    }

    /// A creating plan of `command`: a fresh change set id, the clone of `template` (to the SR `copyTo`
    /// when given) under the id's marker name, and the `steps` planned against the predicted clone.
    private func creationPlan(
        _ command: String, _ creation: Creation, templateRef: Ref<VMRecord>, template: VMRecord, copyTo: (ref: String, uuid: String)?,
        steps: (VMRecord) -> [StepPlan]
    ) -> CreationPlan {
        let id = ChangeSetRun.newID()
        var creation = creation
        creation.marker = Creation.marker(for: id)
        let predicted = CreationPlan.predictedClone(of: template, marker: creation.marker)
        let call = APICall(creation.method, [templateRef.rawValue, creation.marker] + (copyTo.map { [$0.ref] } ?? []))
        let planned = steps(predicted)
        let inputs = [VMParameter.nameLabel, .nameDescription, .pvArgs, .otherConfig(ProvisionDisks.key), .otherConfig(InstallKeys.templateUUID)]
            + InstallKeys.carried.map(VMParameter.otherConfig)
        return CreationPlan(
            id: id, command: command, creation: creation, create: PlannedWrite(call, probe: .created(marker: creation.marker)),
            templateUUID: template.uuid, copySRUUID: copyTo?.uuid, steps: planned, predicted: predicted, inputs: inputs)
    }

    /// Announces the creation, makes `create` (the clone or copy under the marker name) and reads the new object.
    private func create(in run: ChangeSetRun, _ create: PlannedWrite) throws -> (Ref<VMRecord>, VMRecord) {
        try run.announce([])
        let newRef: Ref<VMRecord>
        do {
            newRef = Ref(try perform(create).stringValue ?? "")
        } catch {
            throw run.stop(at: create.call, error)
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
