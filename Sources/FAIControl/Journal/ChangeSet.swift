public import Foundation

/// The unit of the journal: one operator action (`rearm`, `vm-set` with several parameters, `install`,
/// `check --fix`, `undo`) with all its steps in order, assembled from its intent and done records.
public struct ChangeSet: Sendable, Hashable, Codable {
    /// The set's number in this pool's journal, from 1 (what `undo --entry N` takes).
    public var number: Int
    /// The set's id (a UUID, also in the creation marker).
    public var id: String
    /// The pool's UUID.
    public var pool: String
    /// The xsfai command.
    public var command: String
    /// When the first intent was written.
    public var time: Date
    /// Every planned step, in order.
    public var steps: [JournalStep]
    /// The object the set creates, if any.
    public var creation: Creation?
    /// For an undo or roll-back, the number of the set it reverts.
    public var undoes: Int?
    /// The states from the done record; `nil` while no done record exists (interrupted).
    public var states: [StepState]?
    /// The created object's UUID, from the done record.
    public var created: String?
    /// The done record's note.
    public var note: String?
    /// Whether the done record was written by a reconciliation (no decision needed).
    public var settled = false

    /// Creates a set from its parts.
    public init(
        number: Int, id: String, pool: String, command: String, time: Date, steps: [JournalStep],
        creation: Creation? = nil, undoes: Int? = nil, states: [StepState]? = nil, created: String? = nil,
        note: String? = nil
    ) {
        self.number = number
        self.id = id
        self.pool = pool
        self.command = command
        self.time = time
        self.steps = steps
        self.creation = creation
        self.undoes = undoes
        self.states = states
        self.created = created
        self.note = note
    }

    /// Whether the set has no done record: the process stopped between intent and done.
    public var isInterrupted: Bool { states == nil }

    /// Whether every step is recorded as applied.
    public var isFullyApplied: Bool {
        guard let states, states.count == steps.count, states.allSatisfy({ $0 == .applied }) else { return false }
        return creation == nil || (created != nil && !steps.isEmpty)
    }

    /// Whether the set needs an operator's decision: interrupted, or done with steps not applied or
    /// unknown. A creation whose clone may exist needs a look at the pool unless reconciled already.
    public var needsAttention: Bool {
        guard !isFullyApplied, !settled else { return false }
        guard let states, states.allSatisfy({ $0 == .notApplied }) else { return true }
        return creation != nil
    }

    /// The objects written to, by name, in order of first appearance.
    public var objectNames: [String] {
        var seen: Set<String> = []
        return steps.map(\.objectName).filter { seen.insert($0).inserted }
    }

    /// `rearm of fai02`, `install of web07`, `undo of #3 (fai02)`, `roll-back of #4 (fai01)`.
    public var title: String {
        let objects = creation.map { [$0.name] } ?? objectNames
        let names = objects.joined(separator: ", ")
        if command.contains("#") { return objects.isEmpty ? command : "\(command) (\(names))" }
        if let undoes { return "\(command) of #\(undoes)" + (objects.isEmpty ? "" : " (\(names))") }
        return objects.isEmpty ? command : "\(command) of \(names)"
    }

    /// `applied`, `not applied`, `1 of 2 applied`, `interrupted`.
    public var statusText: String {
        guard let states else { return "interrupted" }
        let applied = states.filter { $0 == .applied }.count
        if applied == steps.count { return "applied" }
        if states.contains(.unknown) { return "\(applied) of \(steps.count) applied, \(states.filter { $0 == .unknown }.count) unknown" }
        return applied == 0 ? "not applied" : "\(applied) of \(steps.count) applied"
    }
}
