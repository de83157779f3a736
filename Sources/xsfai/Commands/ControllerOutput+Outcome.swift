import FAIControl

extension ControllerOutput {
    /// A change set's result for people: each step old → new, the equivalent xe commands, the notes,
    /// and where it is journaled.
    static func text(_ outcome: ChangeOutcome) -> String {
        var lines = outcome.notes.map { "Note: \($0)" }
        guard let set = outcome.set else { return (lines.isEmpty ? ["Nothing to change."] : lines).joined(separator: "\n") }
        lines.insert("\(set.title): applied and verified (change set \(set.number); xsfai undo --entry \(set.number) reverts it)", at: 0)
        lines += set.steps.map { "  \($0.summary)" }
        if !outcome.xeCommands.isEmpty {
            lines.append("Equivalent xe:")
            lines += outcome.xeCommands.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
