/// How to revert one change set: the plans (one per parameter, newest step first) and what was found
/// and explained instead of refused.
public struct UndoPlan: Sendable, Hashable {
    /// The set being reverted.
    public var set: ChangeSet
    /// The reverts, in reverse order of the set's steps.
    public var plans: [ChangePlan]
    /// Explanations: values already back, eliloader's own switch recognised, operations not reverted.
    public var notes: [String]

    /// Whether nothing needs writing.
    public var isEmpty: Bool { plans.allSatisfy(\.isEmpty) }
}
