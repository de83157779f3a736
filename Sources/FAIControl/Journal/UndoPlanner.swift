public import XenAPI

/// Chooses the journal entry to revert and plans the revert against the object's current record.
public enum UndoPlanner {
    /// The entry `number`, or else the newest entry that is neither an undo nor already undone.
    public static func entryToUndo(_ number: Int?, in entries: [NumberedJournalEntry]) throws -> NumberedJournalEntry {
        let undone = Set(entries.compactMap(\.entry.undoes))
        if let number {
            guard let chosen = entries.first(where: { $0.number == number }) else {
                throw JournalError.noSuchEntry(number, count: entries.count)
            }
            if undone.contains(number) {
                let by = entries.last { $0.entry.undoes == number }?.number ?? 0
                throw UndoRefusal.alreadyUndone(entry: number, by: by)
            }
            if chosen.entry.isDestroy { throw UndoRefusal.notUndoable(entry: number, object: chosen.entry.objectName) }
            return chosen
        }
        guard let newest = entries.last(where: { $0.entry.undoes == nil && !undone.contains($0.number) }) else {
            throw JournalError.nothingToUndo
        }
        if newest.entry.isDestroy { throw UndoRefusal.notUndoable(entry: newest.number, object: newest.entry.objectName) }
        return newest
    }

    /// Plans setting the parameter back to the entry's old value.
    ///
    /// Refuses, naming the difference, when the current value is no longer the one the entry wrote:
    /// someone changed it since, and undoing would lose their change.
    public static func plan(
        undoing numbered: NumberedJournalEntry, ref: Ref<VMRecord>, record: VMRecord, pool: String
    ) throws -> ChangePlan {
        let entry = numbered.entry
        guard entry.pool == pool else {
            throw UndoRefusal.otherPool(entry: numbered.number, pool: entry.pool)
        }
        let current = entry.parameter.value(in: record)
        guard current == entry.new else {
            throw UndoRefusal.changedSince(
                entry: numbered.number, object: record.nameLabel, parameter: entry.parameter,
                expected: entry.new, found: current)
        }
        return ChangePlan(ref: ref, record: record, requested: [ParamChange(entry.parameter, entry.old)])
    }
}
