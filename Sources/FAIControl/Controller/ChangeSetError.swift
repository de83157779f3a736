/// A change set that did not complete: the call that failed, why, and the state of every step as the
/// pool was read back afterwards (also in the journal).
public struct ChangeSetError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure, for exit codes.
    public enum Kind: Sendable, Hashable {
        /// The server answered with a XenAPI error.
        case serverRefused
        /// The pool could not be reached or the reply was lost and could not be decided.
        case connection
        /// Everything was sent, but the read-back does not hold the planned values.
        case verification
        /// The journal could not be written.
        case journal
    }

    /// The set as journaled, with its states.
    public var set: ChangeSet
    /// The call that failed; `nil` for a verification failure.
    public var failedCall: APICall?
    /// The failure's kind.
    public var kind: Kind
    /// The failure in words.
    public var reason: String

    public var description: String {
        var text = "\(set.title) failed"
        if let failedCall { text += " at \(failedCall.method)" }
        text += ": \(reason). Change set \(set.number): \(set.statusText)"
        let details = zip(set.steps, set.states ?? []).map { "\($0.summary) \($1.rawValue)" }
        if !details.isEmpty { text += " (" + details.joined(separator: "; ") + ")" }
        if set.needsAttention {
            text += ". xsfai journal --complete \(set.number) finishes it; xsfai journal --roll-back \(set.number) reverts it"
        }
        return text
    }
}
