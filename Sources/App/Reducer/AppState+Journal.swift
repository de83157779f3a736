import FAIControl
import TUI

extension AppState {
    /// The journal arrived: shown in the journal overlay if it is open.
    mutating func journalLoaded(_ contents: JournalContents) -> [Effect] {
        guard case .journal(var view) = overlay else { return [] }
        view.contents = contents
        view.move(by: 0)
        overlay = .journal(view)
        if !contents.problems.isEmpty {
            status = StatusMessage("journal: " + contents.problems.map(\.description).joined(separator: "; ") + " (skipped)", kind: .error)
        }
        return []
    }

    /// Start-up reconciliation finished: settled sets are reported, the first half-applied one opens
    /// the interrupted-change dialog.
    mutating func journalReconciled(_ sets: [ReconciledSet]) -> [Effect] {
        if let pending = sets.first(where: { !$0.isSettled }) {
            overlay = .interrupted(pending)
        } else if let settled = sets.last {
            let found = settled.isFullyApplied ? "every change is on the pool" : "none of it reached the pool"
            status = StatusMessage("change set \(settled.set.number) (\(settled.set.title)) was interrupted; \(found): recorded")
        }
        return []
    }

    /// Keys in the journal overlay: move, Enter shows the set, `u` undoes it, Esc closes.
    mutating func journalKey(_ key: Key, _ view: JournalView) -> [Effect] {
        var view = view
        switch key {
        case .escape, .character("q"), .character("J"):
            if view.isShowingDetails { view.isShowingDetails = false } else { overlay = nil; return [] }
        case .down, .character("j"): view.move(by: 1)
        case .up, .character("k"): view.move(by: -1)
        case .enter: view.isShowingDetails.toggle()
        case .character("u"):
            guard let set = view.selectedSet else { return [] }
            overlay = nil
            status = StatusMessage("undoing change set \(set.number) (\(set.title))…")
            return [.undo(set.number)]
        default: return []
        }
        overlay = .journal(view)
        return []
    }

    /// Keys in the interrupted-change dialog: `c` completes, `b` rolls back, Esc decides later.
    mutating func interruptedKey(_ key: Key, _ pending: ReconciledSet) -> [Effect] {
        let number = pending.set.number
        switch key {
        case .character("c"):
            overlay = nil
            status = StatusMessage("completing change set \(number)…")
            return [.completeChangeSet(number)]
        case .character("b"):
            overlay = nil
            status = StatusMessage("rolling back change set \(number)…")
            return [.rollBackChangeSet(number)]
        case .escape, .character("q"):
            overlay = nil
            status = StatusMessage("\(pending.summary): nothing new is written until it is completed or rolled back (J)", kind: .error)
        default:
            break
        }
        return []
    }
}
