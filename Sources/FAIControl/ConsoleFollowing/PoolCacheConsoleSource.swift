public import XenAPI

/// A ``ConsoleSource`` over a ``PoolCache`` (the event stream; no polling of the API) and a session's
/// console connector. One source serves any number of followers of the same pool.
///
/// The session's own paths renew a lost session: the cache's event thread logs in again after its
/// stream fails (a toolstack restart forgets every session), and ``XenAPISession/openConsole(location:using:)``
/// logs in again on a 401.
public final class PoolCacheConsoleSource: ConsoleSource {
    /// The event-driven view of the pool.
    public let cache: PoolCache
    private let session: XenAPISession
    private let connector: any ConsoleConnector

    /// A source over `cache` (started by ``start(timeout:)`` unless already running) opening consoles
    /// with `session` through `connector`.
    public init(cache: PoolCache, session: XenAPISession, connector: any ConsoleConnector) {
        self.cache = cache
        self.session = session
        self.connector = connector
    }

    /// A source with a cache of its own for `session`'s pool (event calls of at most 5 s, so stopping
    /// is quick).
    public convenience init(session: XenAPISession, connector: any ConsoleConnector) {
        self.init(cache: PoolCache(session: session, eventTimeout: .seconds(5)), session: session, connector: connector)
    }

    /// Starts the cache and waits for its first snapshot (so a VM started afterwards is seen from its
    /// first console on); false when it did not arrive within `timeout`.
    @discardableResult
    public func start(timeout: Duration = .seconds(30)) -> Bool {
        cache.start()
        return cache.wait(timeout: timeout) { !$0.vms.isEmpty } != nil
    }

    /// Stops the cache (logging its event session out).
    public func stop() { cache.stop() }

    public func sighting(of vm: Ref<VMRecord>) -> ConsoleSighting {
        Self.sighting(of: vm, in: cache.snapshot(), state: cache.state)
    }

    public func sighting(of vm: Ref<VMRecord>, changedFrom seen: ConsoleSighting, within timeout: Duration)
        -> ConsoleSighting
    {
        var latest = seen
        _ = cache.wait(timeout: timeout) { snapshot in
            latest = Self.sighting(of: vm, in: snapshot, state: self.cache.state)
            return latest != seen
        }
        return latest
    }

    public func openConsole(at location: String) throws -> any ConsoleConnection {
        try session.openConsole(location: location, using: connector)
    }

    /// What `snapshot` says about `vm` while the stream is in `state` (also for sources fed the
    /// snapshots of an event stream run elsewhere, as the TUI's).
    public static func sighting(of vm: Ref<VMRecord>, in snapshot: PoolSnapshot, state: PoolCache.State) -> ConsoleSighting {
        let stale: String? =
            switch state {
            case .connected: nil
            case .starting: "connecting to the pool"
            case .reconnecting(_, let error): "the pool's event stream is reconnecting: \(error)"
            case .stopped: "not following the pool"
            }
        let isLoaded = !snapshot.vms.isEmpty
        guard let record = snapshot.vms[vm] else { return ConsoleSighting(powerState: nil, staleReason: stale, isLoaded: isLoaded) }
        let running = record.powerState == .running
        let console = running ? snapshot.consoles(of: vm).first : nil
        return ConsoleSighting(
            powerState: record.powerState, domain: running ? record.domid : -1, console: console?.0,
            location: console?.1.location, staleReason: stale, isLoaded: isLoaded)
    }
}
