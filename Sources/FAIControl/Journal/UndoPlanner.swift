public import XenAPI

/// Chooses the change set to revert and plans reverting it, step by step in reverse order, against
/// the objects' current records.
///
/// Per parameter: the current value is the old one → nothing to do; the new one → revert; anything
/// else → a conflict, named in full, except the drift eliloader makes itself at an install's first
/// boot (PV-bootloader eliloader → pygrub, `install-distro` removed), which is recognised and explained.
public enum UndoPlanner {
    /// The set `number`, or else the newest set that is not itself an undo and is not yet undone.
    public static func setToUndo(_ number: Int?, in contents: JournalContents) throws -> ChangeSet {
        let reverted = contents.revertedBy
        if let number {
            guard let chosen = contents.set(number) else { throw JournalError.noSuchEntry(number, count: contents.sets.count) }
            if let by = reverted[number] { throw UndoRefusal.alreadyUndone(set: number, by: by) }
            return chosen
        }
        guard let newest = contents.sets.last(where: { $0.undoes == nil && reverted[$0.number] == nil && $0.states?.contains(.applied) ?? true })
        else { throw JournalError.nothingToUndo }
        return newest
    }

    /// Plans reverting `set`; `objects` are the current records by UUID (absent: the object is gone).
    public static func plan(
        undoing set: ChangeSet, objects: [String: (ref: Ref<VMRecord>, record: VMRecord)]
    ) throws(UndoRefusal) -> UndoPlan {
        if let creation = set.creation { throw .createsObject(set: set.number, name: creation.name, uuid: set.created) }
        if set.undoes == nil, let destroyed = set.steps.first(where: { $0.operation == "VM.destroy" }) {
            throw .destroysObject(set: set.number, name: destroyed.objectName)
        }
        var plans: [ChangePlan] = []
        var notes: [String] = []
        var conflicts: [UndoRefusal.Conflict] = []
        for step in set.steps.reversed() {
            guard let parameter = step.parameter else {
                if step.operation == "VM.hard_shutdown" { notes.append("\(step.objectName) was hard-shut-down by the set; undo does not start it") }
                continue
            }
            guard let (ref, record) = objects[step.objectUUID] else {
                throw .objectGone(set: set.number, object: step.objectName, uuid: step.objectUUID)
            }
            let current = parameter.value(in: record)
            if current == step.old {
                notes.append(eliloaderDrift(step, current: current)
                    ?? "\(step.objectName) \(parameter.xeName) is already \(JournalStep.show(step.old))")
                continue
            }
            if current != step.new {
                guard let explanation = eliloaderDrift(step, current: current) else {
                    conflicts.append(UndoRefusal.Conflict(object: record.nameLabel, parameter: parameter, wrote: step.new, before: step.old, found: current))
                    continue
                }
                notes.append(explanation)
            }
            plans.append(ChangePlan(ref: ref, record: record, requested: [ParamChange(parameter, step.old)]))
        }
        if !conflicts.isEmpty { throw .changedSince(set: set.number, conflicts) }
        return UndoPlan(set: set, plans: plans, notes: notes)
    }

    /// The explanation when `current` is what eliloader leaves after the first boot of an install that
    /// `step` armed; `nil` for any other value.
    static func eliloaderDrift(_ step: JournalStep, current: String?) -> String? {
        switch step.parameter {
        case .pvBootloader where step.new == "eliloader" && current == "pygrub":
            return "\(step.objectName) booted since: eliloader switched PV-bootloader to pygrub itself (its install-once switch)"
        case .otherConfig(InstallKeys.distro) where step.new != nil && current == nil:
            return "\(step.objectName) booted since: eliloader removed other-config:install-distro itself at the install's first boot"
        default:
            return nil
        }
    }
}
