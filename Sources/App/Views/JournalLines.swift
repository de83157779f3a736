import FAIControl
import Foundation
import TUI

/// The body lines of the journal overlay and of the interrupted-change dialog.
enum JournalLines {
    /// How many change sets the list shows at once.
    static let visibleRows = 20

    /// The change sets newest first (the selected one marked), or the selected set in full.
    static func lines(_ view: JournalView) -> [DialogView.Line] {
        guard let contents = view.contents else { return [.init("reading the journal…")] }
        guard !contents.sets.isEmpty else { return [.init("This pool's journal is empty.")] }
        if view.isShowingDetails, let set = view.selectedSet { return details(set, reverted: contents.revertedBy[set.number]) }
        let reverted = contents.revertedBy
        // A window of rows that keeps the selection in view, however long the journal.
        let window = max(0, min(view.selected - visibleRows / 2, view.rows.count - visibleRows))
        return view.rows.enumerated().dropFirst(window).prefix(visibleRows).map { index, set in
            var state = set.statusText
            if let by = reverted[set.number] { state += ", undone by #\(by)" }
            let text = "\(index == view.selected ? "▶" : " ") #\(set.number) \(time(set)) \(set.title): \(state)"
            return DialogView.Line(text, role: index == view.selected ? .selection : set.needsAttention ? .warning : .dialog)
        }
    }

    /// A reconciled set: what the pool shows for each step, and the choice.
    static func lines(_ pending: ReconciledSet) -> [DialogView.Line] {
        var lines = [DialogView.Line(pending.summary, role: .warning), .init("")]
        for (step, state) in zip(pending.set.steps, pending.states) {
            lines.append(.init("  \(step.summary): \(state.rawValue)", role: state == .applied ? .success : .dialog))
        }
        lines.append(.init(""))
        lines.append(.init("c applies the rest; b puts the old values back. Nothing new is written until then."))
        return lines
    }

    private static func details(_ set: ChangeSet, reverted: Int?) -> [DialogView.Line] {
        var lines = [DialogView.Line("#\(set.number) \(time(set)) \(set.title): \(set.statusText)", role: .title)]
        if let creation = set.creation { lines.append(.init("creates \(creation.name) from \(creation.templateName) (\(creation.method))")) }
        let states = set.states ?? []
        for (index, step) in set.steps.enumerated() {
            lines.append(.init("  \(step.summary)" + (index < states.count ? "  [\(states[index].rawValue)]" : "")))
        }
        if let undoes = set.undoes { lines.append(.init("reverts #\(undoes)")) }
        if let reverted { lines.append(.init("undone by #\(reverted)")) }
        if let note = set.note { lines.append(.init("note: \(note)", role: .dim)) }
        return lines
    }

    private static func time(_ set: ChangeSet) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyy-MM-dd HH:mm"
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: set.time)
    }
}
