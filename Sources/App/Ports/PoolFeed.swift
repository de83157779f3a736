public import XenAPI

/// The live view of the pool the TUI shows: pushed by the event stream, never polled.
///
/// The xsfai command adapts XenAPI's event-driven pool cache to this; tests use `ScriptedPoolFeed`.
public protocol PoolFeed: Sendable {
    /// Starts delivering; `deliver` is called on any thread with the whole pool after each change.
    func start(deliver: @escaping @Sendable (PoolFeedEvent) -> Void)
    /// Stops delivering and releases the connection.
    func stop()
}

/// What a pool feed reports.
public enum PoolFeedEvent: Sendable, Hashable {
    /// The pool's objects after a change (copy-on-write: cheap to pass).
    case changed(PoolSnapshot)
    /// The event connection changed state.
    case connection(ConnectionState)
}
