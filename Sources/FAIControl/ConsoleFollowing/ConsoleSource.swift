public import XenAPI

/// Where a ``ConsoleFollower`` learns about its VM and opens its console: the pool's event-driven
/// view and the console proxy, behind a protocol so the follower's decisions are tested with a
/// scripted pool. ``PoolCacheConsoleSource`` is the real one.
public protocol ConsoleSource: Sendable {
    /// The VM as the pool shows it now.
    func sighting(of vm: Ref<VMRecord>) -> ConsoleSighting
    /// Blocks until the sighting of `vm` differs from `seen` or `timeout` passes; returns the latest.
    func sighting(of vm: Ref<VMRecord>, changedFrom seen: ConsoleSighting, within timeout: Duration) -> ConsoleSighting
    /// Opens the console stream at `location`, logging in again when the session was lost.
    func openConsole(at location: String) throws -> any ConsoleConnection
}
