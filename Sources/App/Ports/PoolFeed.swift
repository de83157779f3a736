/// The live view of the pool the TUI shows: pushed by the event stream, never polled.
///
/// The xsfai command adapts XenAPI's event-driven pool cache to this; tests use a static feed.
public protocol PoolFeed: Sendable {
    /// Starts delivering; `deliver` is called on any thread with the whole pool after each change.
    func start(deliver: @escaping @Sendable (PoolFeedEvent) -> Void)
    /// Stops delivering and releases the connection.
    func stop()
}
