public import XenAPI
import XMLRPC

extension PoolController {
    /// Plans destroying `ref` (a halted VM or a custom template) as `xe vm-uninstall` does: reads its
    /// VBDs and VDIs so a confirmation can name every disk. Refuses running VMs, vendor default
    /// templates, control domains and snapshots.
    public func destroyPlan(_ ref: Ref<VMRecord>, keepDisks: Bool = false) throws -> DestroyPlan {
        let record = try api.vmRecord(ref)
        if record.isControlDomain || record.isASnapshot { throw DestroyError.notAVM(record.nameLabel) }
        if record.isDefaultTemplate { throw DestroyError.defaultTemplate(record.nameLabel) }
        if !record.isATemplate, record.powerState != .halted {
            throw DestroyError.notHalted(record.nameLabel, state: record.powerState.rawValue.lowercased())
        }
        var disks: [DestroyPlan.Disk] = []
        for vbd in record.vbds {
            let fields = try api.call("VBD.get_record", [.string(vbd)]).structValue
            guard fields?["type"]?.stringValue == "Disk", let vdi = fields?["VDI"]?.stringValue,
                vdi != Ref<VMRecord>.null.rawValue
            else { continue }
            let disk = try api.call("VDI.get_record", [.string(vdi)]).structValue
            let others = try (disk?["VBDs"]?.stringArrayValue ?? []).filter { $0 != vbd }.compactMap { other -> String? in
                let user = try api.call("VBD.get_record", [.string(other)]).structValue?["VM"]?.stringValue
                return try user.map { try api.vmRecord(Ref($0)).nameLabel }
            }
            disks.append(DestroyPlan.Disk(
                ref: vdi, uuid: disk?["uuid"]?.stringValue ?? "", name: disk?["name_label"]?.stringValue ?? "",
                size: disk?["virtual_size"]?.int64Value ?? 0, device: fields?["userdevice"]?.stringValue ?? "?",
                sharedWith: others))
        }
        return DestroyPlan(ref: ref.rawValue, uuid: record.uuid, name: record.nameLabel, isTemplate: record.isATemplate,
                           disks: disks.sorted { $0.device < $1.device }, keepsDisks: keepDisks)
    }

    /// Carries out `plan` as one change set: `VM.destroy`, then `VDI.destroy` of each disk only this VM
    /// used, each sent once (a lost reply is settled by reading back whether the object is gone), then
    /// verified. The set cannot be undone (``UndoRefusal/destroysObject(set:name:)``).
    public func destroy(_ plan: DestroyPlan) throws -> ChangeOutcome {
        try refuseWhilePending()
        let ref = Ref<VMRecord>(plan.ref)
        let target = PlanTarget(ref: ref, record: try api.vmRecord(ref))
        var steps = [StepPlan(
            step: JournalStep(operation: "VM.destroy", of: target), ref: ref,
            writes: [PlannedWrite(APICall("VM.destroy", [plan.ref]), probe: .destroyed(ref))])]
        steps += plan.disksToDestroy.map { disk in
            StepPlan(
                step: JournalStep(operation: "VDI.destroy \(disk.uuid) (\(disk.summary))", of: target), ref: ref,
                writes: [PlannedWrite(APICall("VDI.destroy", [disk.ref]), probe: .diskDestroyed(disk.ref))])
        }
        let run = ChangeSetRun(controller: self, command: plan.isTemplate ? "template-destroy" : "destroy")
        try run.announce(steps)
        try run.runAll()
        let left = plan.disksToDestroy.filter { disk in
            if case .applied = probe(.diskDestroyed(disk.ref)) { return false }
            return true
        }
        let note = "not undoable: a destroy cannot be undone"
            + (left.isEmpty ? "" : "; disks still present: " + left.map(\.uuid).joined(separator: ", "))
        let set = try run.finish(note: note)
        guard left.isEmpty else {
            throw ChangeSetError(set: set, failedCall: nil, kind: .verification,
                                 reason: "read-back check failed: disks still present: " + left.map(\.summary).joined(separator: "; "))
        }
        return ChangeOutcome(set: set, xeCommands: plan.xeCommands, notes: ["a destroy cannot be undone"])
    }
}
