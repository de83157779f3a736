import FAIControl
import Foundation
import Synchronization
import XenAPI

/// The shared ``ConsoleFollower``'s view of the pool inside the TUI: the snapshots and connection
/// state the TUI's own event stream delivers (one stream for every follower, no polling), and the
/// TUI's console connector.
final class SnapshotConsoleSource: ConsoleSource {
    private let latest = Mutex<(snapshot: PoolSnapshot, state: PoolCache.State)>((PoolSnapshot(), .starting))
    private let changed = NSCondition()
    private let connector: any ConsoleConnecting

    init(connector: any ConsoleConnecting) { self.connector = connector }

    /// Takes the pool as it is now.
    func update(_ snapshot: PoolSnapshot) {
        latest.withLock { $0.snapshot = snapshot }
        signal()
    }

    /// Takes the event stream's state.
    func update(_ connection: ConnectionState) {
        let state: PoolCache.State = switch connection {
        case .connecting: .starting
        case .connected: .connected
        case .reconnecting(let attempt, let reason): .reconnecting(attempt: attempt, error: reason)
        case .failed: .stopped
        }
        latest.withLock { $0.state = state }
        signal()
    }

    func sighting(of vm: Ref<VMRecord>) -> ConsoleSighting {
        let (snapshot, state) = latest.withLock { ($0.snapshot, $0.state) }
        return PoolCacheConsoleSource.sighting(of: vm, in: snapshot, state: state)
    }

    func sighting(of vm: Ref<VMRecord>, changedFrom seen: ConsoleSighting, within timeout: Duration) -> ConsoleSighting {
        let deadline = Date().addingTimeInterval(Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18)
        changed.lock()
        defer { changed.unlock() }
        while true {
            let now = sighting(of: vm)
            if now != seen || !changed.wait(until: deadline) { return sighting(of: vm) }
        }
    }

    func openConsole(at location: String) throws -> any ConsoleConnection {
        try connector.open(location: location)
    }

    private func signal() {
        changed.lock()
        changed.broadcast()
        changed.unlock()
    }
}
