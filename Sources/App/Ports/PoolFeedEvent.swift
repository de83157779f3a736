public import XenAPI

/// What a pool feed reports.
public enum PoolFeedEvent: Sendable, Hashable {
    /// The pool's objects after a change (copy-on-write: cheap to pass).
    case changed(PoolSnapshot)
    /// The event connection changed state.
    case connection(ConnectionState)
}
