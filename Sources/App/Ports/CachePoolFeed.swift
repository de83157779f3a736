import Synchronization
public import XenAPI

/// The TUI's pool feed over XenAPI's event-driven `PoolCache`: every update forwards the whole
/// snapshot (copy-on-write, so cheap) and the stream state.
public final class CachePoolFeed: PoolFeed {
    private let deliver = Recipient()
    private let cache: PoolCache

    /// A feed over a new event cache of `session`.
    public init(session: XenAPISession) {
        let deliver = self.deliver
        cache = PoolCache(session: session) { update in
            guard let send = deliver.current else { return }
            send(.connection(Self.connection(update.state)))
            if !update.events.isEmpty || update.isFullReload { send(.changed(update.snapshot)) }
        }
    }

    /// Starts the event stream; updates go to `deliver`.
    public func start(deliver: @escaping @Sendable (PoolFeedEvent) -> Void) {
        self.deliver.current = deliver
        deliver(.connection(.connecting))
        cache.start()
    }

    /// Stops the event stream.
    public func stop() {
        deliver.current = nil
        cache.stop()
    }

    private static func connection(_ state: PoolCache.State) -> ConnectionState {
        switch state {
        case .starting: .connecting
        case .connected: .connected
        case .reconnecting(let attempt, let error): .reconnecting(attempt: attempt, reason: error)
        case .stopped: .failed("stopped")
        }
    }
}

/// Where the feed's updates go; set once the loop starts.
private final class Recipient: Sendable {
    private let value = Mutex<(@Sendable (PoolFeedEvent) -> Void)?>(nil)

    var current: (@Sendable (PoolFeedEvent) -> Void)? {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}
