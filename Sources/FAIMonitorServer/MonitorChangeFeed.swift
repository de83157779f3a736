import Dispatch
public import FAIMonitor
import Synchronization

/// A monitor service's fleet for a display (the TUI's fleet pane): a change is passed on at most
/// every 100 ms (a burst of connections, hostile or not, costs the display one update per interval),
/// and only when the fleet itself changed (a dropped line or a silent connection changes counters,
/// not rows).
public final class MonitorChangeFeed: Sendable {
    private let service: FAIMonitorService
    private let queue = DispatchQueue(label: "xsfai.monitor-feed")
    private let state = Mutex<(pending: Bool, last: MonitorFleet?, stopped: Bool)>((false, nil, false))

    /// A feed of `service`'s fleet.
    public init(service: FAIMonitorService) { self.service = service }

    /// Starts calling `changed` (on a queue of its own) with the fleet after it changed.
    public func start(_ changed: @escaping @Sendable (MonitorFleet) -> Void) {
        service.onChange { [self] in
            let schedule = state.withLock { state -> Bool in
                guard !state.pending, !state.stopped else { return false }
                state.pending = true
                return true
            }
            guard schedule else { return }
            queue.asyncAfter(deadline: .now() + .milliseconds(100)) { [self] in
                let fleet = service.fleet
                let post = state.withLock { state -> Bool in
                    state.pending = false
                    guard !state.stopped, state.last != fleet else { return false }
                    state.last = fleet
                    return true
                }
                if post { changed(fleet) }
            }
        }
    }

    /// Stops calling.
    public func stop() {
        state.withLock { $0.stopped = true }
        service.onChange {}
    }
}
