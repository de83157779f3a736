/// What happened to an object (`event_operation`).
public enum EventOperation: String, Sendable, Hashable, CaseIterable {
    /// Created since the token (or present, for a token of `""`).
    case add
    /// Modified.
    case mod
    /// Deleted; the event has no snapshot.
    case del
}
