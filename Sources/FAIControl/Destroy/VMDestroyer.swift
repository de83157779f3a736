public import XMLRPC
public import XenAPI

/// Destroys a halted VM or a custom template and the disks only it uses, as `xe vm-uninstall` does:
/// plan (read the VBDs and VDIs), destroy the VM, then each disk, each call once; a call whose reply
/// is lost is settled by reading back whether the object still exists; the whole action is one
/// journal entry, marked not undoable.
public struct VMDestroyer {
    let api: any XenAPICalling
    let journal: any JournalWriting

    /// Creates a destroyer writing through `api` and journaling to `journal`.
    public init(api: any XenAPICalling, journal: any JournalWriting) {
        self.api = api
        self.journal = journal
    }

    /// Plans the destroy of `ref` (refusing running VMs, default templates, control domains, snapshots).
    public func plan(_ ref: Ref<VMRecord>, keepDisks: Bool = false) throws -> DestroyPlan {
        let record = try api.vmRecord(ref)
        if record.isControlDomain || record.isASnapshot { throw DestroyError.notAVM(record.nameLabel) }
        if record.isDefaultTemplate { throw DestroyError.defaultTemplate(record.nameLabel) }
        if !record.isATemplate, record.powerState != .halted {
            throw DestroyError.notHalted(record.nameLabel, state: record.powerState.rawValue.lowercased())
        }
        var disks: [DestroyPlan.Disk] = []
        for vbd in record.vbds {
            let fields = try api.call("VBD.get_record", [.string(vbd)]).structValue
            guard fields?["type"]?.stringValue == "Disk", let vdi = fields?["VDI"]?.stringValue, vdi != Ref<VMRecord>.null.rawValue else { continue }
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

    /// Carries out `plan`: VM.destroy, then VDI.destroy of each disk to destroy; journals it as `context`
    /// says (one entry, not undoable); returns the disks destroyed.
    @discardableResult
    public func apply(_ plan: DestroyPlan, context: JournalContext) throws -> [DestroyPlan.Disk] {
        try once("VM.destroy", plan.ref) { try api.vmRecord(Ref(plan.ref)) }
        var destroyed: [DestroyPlan.Disk] = []
        for disk in plan.disksToDestroy {
            try once("VDI.destroy", disk.ref) { _ = try api.call("VDI.get_record", [.string(disk.ref)]) }
            destroyed.append(disk)
        }
        let disks = destroyed.map(\.summary).joined(separator: "; ")
        try journal.append(JournalEntry(
            pool: context.pool, objectUUID: plan.uuid, objectName: plan.name, isTemplate: plan.isTemplate,
            parameter: .nameLabel, old: plan.name, new: nil, time: context.now(),
            command: context.command + (disks.isEmpty ? "" : " (disks destroyed: \(disks))")))
        return destroyed
    }

    /// Makes `method(ref)` once. When the reply is lost (a transport error), reads back: gone means it
    /// was applied; still there means it was not, and the error is passed on (never resent blindly).
    private func once(_ method: String, _ ref: String, stillThere: () throws -> Any) throws {
        do {
            _ = try api.call(method, [.string(ref)])
        } catch let error as XenAPIError {
            throw error
        } catch {
            do {
                _ = try stillThere()
            } catch let gone as XenAPIError where gone.code == .handleInvalid {
                return
            }
            throw error
        }
    }
}
