/// A change refused because a change set of this pool is still interrupted or half-applied.
public struct PendingChangeError: Error, Sendable, CustomStringConvertible {
    /// The sets needing a decision.
    public var pending: [ReconciledSet]

    public var description: String {
        let lines = pending.map { "\($0.summary): xsfai journal --complete \($0.set.number) finishes it, --roll-back \($0.set.number) reverts it" }
        return lines.joined(separator: "\n") + "\nNothing new is written to this pool until that is decided."
    }
}
