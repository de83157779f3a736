/// What one controller operation did: the change set journaled (absent when nothing needed writing),
/// the equivalent `xe` commands, and notes (drift explained, values kept).
public struct ChangeOutcome: Sendable, Hashable, Codable {
    /// The change set, with every step applied and verified; `nil` when nothing was written.
    public var set: ChangeSet?
    /// The equivalent `xe` command lines.
    public var xeCommands: [String]
    /// Things the operator should know (e.g. eliloader's switch recognised during an undo).
    public var notes: [String]
    /// The new object's UUID, for a set that creates one.
    public var createdUUID: String?

    /// Creates an outcome.
    public init(set: ChangeSet?, xeCommands: [String], notes: [String] = [], createdUUID: String? = nil) {
        self.set = set
        self.xeCommands = xeCommands
        self.notes = notes
        self.createdUUID = createdUUID
    }

    /// One line for a status bar: `rearm of fai02: PV-bootloader "pygrub" -> "eliloader", … (change set 3, verified)`.
    public var summary: String {
        guard let set else { return notes.first ?? "nothing to change" }
        if set.steps.isEmpty { return "\(set.title): " + notes.joined(separator: "; ") }
        let steps = set.steps.map { step in
            step.parameter.map { "\($0.xeName) \(JournalStep.show(step.old)) -> \(JournalStep.show(step.new))" }
                ?? step.operation ?? "?"
        }
        return "\(set.title): \(steps.joined(separator: ", ")) (change set \(set.number), verified)"
    }
}
