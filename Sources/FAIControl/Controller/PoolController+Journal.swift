import XMLRPC
public import XenAPI

extension PoolController {
    /// This pool's change sets and unreadable lines.
    public func contents() throws -> JournalContents { try journal.read() }

    /// Reverts the change set `number` (default: the newest not yet undone) as a new change set,
    /// in reverse order, verified; a conflict is refused naming every difference.
    public func undo(_ number: Int? = nil) throws -> ChangeOutcome {
        let set = try UndoPlanner.setToUndo(number, in: contents())
        let plan = try UndoPlanner.plan(undoing: set, objects: objects(of: set))
        try refuseWhilePending()
        // An undo with nothing left to write is journaled too (no steps), so the set counts as undone
        // and the next undo goes on to older sets.
        let run = ChangeSetRun(controller: self, command: "undo", undoes: set.number)
        try run.announce(plan.plans.flatMap(StepPlan.changes(of:)))
        try run.runAll()
        let notes = plan.notes + (plan.isEmpty ? ["change set \(set.number): nothing left to revert, recorded as undone"] : [])
        return ChangeOutcome(set: try run.finish(note: plan.isEmpty ? "nothing left to revert" : nil), xeCommands: plan.plans.flatMap(\.xeCommands), notes: notes)
    }

    /// Change sets interrupted or left half-applied, each reconciled against the pool now. Sets the pool
    /// shows as fully applied or not applied at all are recorded (a done record) and need nothing more;
    /// the others are pending: ``complete(_:)`` or ``rollBack(_:)`` decides them.
    public func reconcile() throws -> [ReconciledSet] {
        let contents = try contents()
        let reverted = contents.revertedBy
        var pending: [ReconciledSet] = []
        for set in contents.sets where set.needsAttention && reverted[set.number] == nil {
            let reconciled = try reconciled(set)
            if reconciled.isSettled {
                try journal.append(JournalRecord(
                    kind: .done, set: set.id, time: now(), states: reconciled.states, created: reconciled.createdUUID,
                    note: "reconciled: \(reconciled.isFullyApplied ? "every step applied" : "nothing applied")", settled: true))
            }
            pending.append(reconciled)
        }
        return pending
    }

    /// Throws ``PendingChangeError`` while a set of this pool needs a decision.
    public func refuseWhilePending() throws {
        let pending = try reconcile().filter { !$0.isSettled }
        if !pending.isEmpty { throw PendingChangeError(pending: pending) }
    }

    /// Applies the steps of the pending set `number` that the pool does not show yet, as a new change
    /// set; the pending set is then recorded as completed.
    public func complete(_ number: Int) throws -> ChangeOutcome {
        let pending = try pendingSet(number)
        let set = pending.set
        var steps: [StepPlan] = []
        var objects = try objects(of: set)
        if let creation = set.creation, let uuid = pending.createdUUID, set.steps.isEmpty,
           let created = try objects[uuid] ?? object(uuid: uuid)
        {
            // The process stopped right after the clone: plan the rest as the command would have.
            objects[uuid] = created
            if set.command.hasSuffix("install"), let template = try object(uuid: creation.templateUUID) {
                steps = installSteps(
                    created.ref, created.record, template: template.record, repository: creation.repository,
                    monitor: creation.monitor, srUUID: nil,
                    interfaces: try interfaces(creation.networks ?? [], template: template.record), name: creation.name)
            } else {
                steps = StepPlan.changes(of: ChangePlan(ref: created.ref, record: created.record, requested: [ParamChange(.nameLabel, creation.name)]))
            }
        }
        for (step, state) in zip(set.steps, pending.states) where state != .applied {
            guard let (ref, record) = objects[step.objectUUID] else {
                throw UndoRefusal.objectGone(set: number, object: step.objectName, uuid: step.objectUUID)
            }
            if let parameter = step.parameter {
                steps += StepPlan.changes(of: ChangePlan(ref: ref, record: record, requested: [ParamChange(parameter, step.new)]))
            } else if step.operation == "VM.provision" {
                steps.append(StepPlan(
                    step: JournalStep(operation: "VM.provision", of: PlanTarget(ref: ref, record: record)), ref: ref,
                    writes: [PlannedWrite(APICall("VM.provision", [ref.rawValue]), probe: .provisioned(ref))]))
            } else if step.operation == "VM.hard_shutdown" {
                steps.append(StepPlan.power("VM.hard_shutdown", target: PlanTarget(ref: ref, record: record), leaving: .halted))
            } else if step.operation == VIFCreation.method, let interface = try interface(of: step) {
                steps.append(StepPlan.vifCreation(interface, target: PlanTarget(ref: ref, record: record)))
            }
        }
        let run = ChangeSetRun(controller: self, command: "complete of #\(number)")
        try run.announce(steps)
        try run.runAll()
        let done = try run.finish()
        try journal.append(JournalRecord(
            kind: .done, set: set.id, time: now(), states: set.steps.map { _ in .applied }, created: pending.createdUUID,
            note: "completed by change set \(done.number)", settled: true))
        return ChangeOutcome(set: done, xeCommands: [], createdUUID: pending.createdUUID)
    }

    /// Puts back the old value of every step of set `number` the pool shows as applied (or changed),
    /// newest first, as a new change set; a created object is destroyed.
    public func rollBack(_ number: Int) throws -> ChangeOutcome {
        guard let set = try contents().set(number) else { throw JournalError.noSuchEntry(number, count: try contents().sets.count) }
        let reconciled = try reconciled(set)
        let objects = try objects(of: set)
        var steps: [StepPlan] = []
        if set.creation != nil {
            if let uuid = reconciled.createdUUID, let (ref, record) = try objects[uuid] ?? object(uuid: uuid) {
                let target = PlanTarget(ref: ref, record: record)
                if record.powerState != .halted { steps.append(StepPlan.power("VM.hard_shutdown", target: target, leaving: .halted)) }
                steps.append(StepPlan(
                    step: JournalStep(operation: "VM.destroy", of: target), ref: ref,
                    writes: [PlannedWrite(APICall("VM.destroy", [ref.rawValue]), probe: .destroyed(ref))]))
            }
        } else {
            for (step, state) in zip(set.steps, reconciled.states).reversed() where state != .notApplied {
                guard let parameter = step.parameter, let (ref, record) = objects[step.objectUUID] else { continue }
                steps += StepPlan.changes(of: ChangePlan(ref: ref, record: record, requested: [ParamChange(parameter, step.old)]))
            }
        }
        let run = ChangeSetRun(controller: self, command: "roll-back of #\(number)", undoes: number)
        try run.announce(steps)
        try run.runAll()
        return ChangeOutcome(set: try run.finish(), xeCommands: [])
    }

    /// The steps that finish an install on the new VM `ref`: description, provision, the template's
    /// install settings, a VIF per interface, the template's UUID, and the final name.
    func installSteps(
        _ ref: Ref<VMRecord>, _ record: VMRecord, template: VMRecord, repository: String?,
        monitor: MonitorKernelArguments? = nil, srUUID: String?, interfaces: [NetworkChoice.Interface], name: String
    ) -> [StepPlan] {
        let target = PlanTarget(ref: ref, record: record)
        var steps = StepPlan.changes(of: ChangePlan(
            ref: ref, record: record, requested: [ParamChange(.nameDescription, "Installed via xsfai from \(template.nameLabel)")]))
        if record.isATemplate { steps.append(provisionStep(target, record: record, srUUID: srUUID)) }
        steps += StepPlan.changes(of: InstallPlanner.carryOverPlan(
            ref: ref, record: record, template: template, repository: repository, monitor: monitor))
        steps += interfaces.map { StepPlan.vifCreation($0, target: target) }
        steps += StepPlan.changes(of: ChangePlan(
            ref: ref, record: record,
            requested: [ParamChange(.otherConfig(InstallKeys.templateUUID), template.uuid), ParamChange(.nameLabel, name)]))
        return steps
    }

    /// `VM.provision` of the new VM, with its disks XML pointed at `srUUID` first (remove, then add, as xe does).
    func provisionStep(_ target: PlanTarget, record: VMRecord, srUUID: String?) -> StepPlan {
        let ref = Ref<VMRecord>(target.ref)
        var writes: [PlannedWrite] = []
        if let xml = record.otherConfig[ProvisionDisks.key], let srUUID {
            let disks = PlannedChange(
                parameter: .otherConfig(ProvisionDisks.key), ref: target.ref, old: xml, new: ProvisionDisks.settingSR(of: xml, to: srUUID))
            writes += PlannedWrite.writes(of: disks, ref: ref)
        }
        writes.append(PlannedWrite(APICall("VM.provision", [target.ref]), probe: .provisioned(ref)))
        return StepPlan(step: JournalStep(operation: "VM.provision", of: target), ref: ref, writes: writes)
    }

    /// The interfaces an install planned on the networks `uuids`, devices after the template's own.
    private func interfaces(_ uuids: [String], template: VMRecord) throws -> [NetworkChoice.Interface] {
        guard !uuids.isEmpty else { return [] }
        let networks = try api.allNetworkRecords()
        return try NetworkChoice.choose(uuids, template: template, networks: networks).interfaces
    }

    /// The interface a journaled `VIF.create` step planned, its network found again by UUID.
    private func interface(of step: JournalStep) throws -> NetworkChoice.Interface? {
        guard let device = step.device, let uuid = step.network,
              let (ref, network) = try api.allNetworkRecords().first(where: { $0.value.uuid == uuid })
        else { return nil }
        return NetworkChoice.Interface(device: device, network: ref, networkUUID: uuid, networkName: network.nameLabel, mtu: network.mtu)
    }

    private func pendingSet(_ number: Int) throws -> ReconciledSet {
        guard let found = try reconcile().first(where: { $0.set.number == number && !$0.isSettled }) else { throw JournalError.nothingInterrupted }
        return found
    }

    /// `set` with each step's state as the pool shows it now.
    private func reconciled(_ set: ChangeSet) throws -> ReconciledSet {
        let objects = try objects(of: set)
        var createdUUID = set.created ?? set.steps.first?.objectUUID
        if set.creation != nil, createdUUID.map({ objects[$0] == nil }) ?? true {
            createdUUID = nil
            if let marker = set.creation?.marker, case .applied(let ref?) = probe(.created(marker: marker)) {
                createdUUID = try api.vmRecord(Ref(ref)).uuid
            }
        }
        var vifNetworks: [String: [String: String]] = [:]
        for step in set.steps where step.operation == VIFCreation.method && vifNetworks[step.objectUUID] == nil {
            if let ref = objects[step.objectUUID]?.ref { vifNetworks[step.objectUUID] = try self.vifNetworks(of: ref) }
        }
        let states = set.steps.map { StepPlan.state(of: $0, in: objects[$0.objectUUID]?.record, vifNetworks: vifNetworks[$0.objectUUID]) }
        return ReconciledSet(set: set, states: states, createdUUID: createdUUID)
    }

    /// The current record of every object `set` names, by UUID; gone objects are absent.
    public func objects(of set: ChangeSet) throws -> [String: (ref: Ref<VMRecord>, record: VMRecord)] {
        var result: [String: (ref: Ref<VMRecord>, record: VMRecord)] = [:]
        for uuid in Set(set.steps.map(\.objectUUID) + (set.created.map { [$0] } ?? [])) {
            if let found = try object(uuid: uuid) { result[uuid] = found }
        }
        return result
    }
}
