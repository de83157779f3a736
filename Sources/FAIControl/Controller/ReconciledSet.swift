/// A change set that was interrupted or left half-applied, with each step's state as the pool shows it now.
public struct ReconciledSet: Sendable, Hashable {
    /// The set as journaled.
    public var set: ChangeSet
    /// Each step's state now.
    public var states: [StepState]
    /// For a creation, the UUID of the object found (by UUID or by its marker name).
    public var createdUUID: String?

    /// Creates a reconciled set.
    public init(set: ChangeSet, states: [StepState], createdUUID: String?) {
        self.set = set
        self.states = states
        self.createdUUID = createdUUID
    }

    /// Whether the pool shows every step applied (and the object created, for a creation).
    public var isFullyApplied: Bool {
        states.allSatisfy { $0 == .applied } && (set.creation == nil || (createdUUID != nil && !states.isEmpty))
    }

    /// Whether the pool shows nothing of the set.
    public var isNotApplied: Bool { states.allSatisfy { $0 == .notApplied } && createdUUID == nil }

    /// Whether the pool decides the set by itself (fully applied or not at all): no operator decision needed.
    public var isSettled: Bool { isFullyApplied || isNotApplied }

    /// `interrupted rearm of fai02 (change set 3): 1 of 2 changes applied`.
    public var summary: String {
        let applied = states.filter { $0 == .applied }.count
        let unknown = states.filter { $0 == .unknown }.count
        let how = set.isInterrupted ? "interrupted" : "half-applied"
        var text = "\(how) \(set.title) (change set \(set.number)): \(applied) of \(states.count) change\(states.count == 1 ? "" : "s") applied"
        if unknown > 0 { text += ", \(unknown) neither old nor new" }
        if set.creation != nil { text += createdUUID.map { "; the new object \($0) exists" } ?? "; no object was created" }
        return text
    }
}
