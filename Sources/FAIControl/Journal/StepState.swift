/// Whether a step of a change set took effect on the pool.
public enum StepState: String, Sendable, Hashable, Codable {
    /// The pool holds the step's new value (or the operation happened).
    case applied
    /// The pool holds the old value: the call never took effect.
    case notApplied = "not-applied"
    /// Neither: the reply was lost and the read-back failed, or the value is a third one.
    case unknown
}
