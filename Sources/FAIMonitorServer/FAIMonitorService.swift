import FAIMonitor
import Foundation
import Synchronization

/// The monitor's shared state: every reception from the port or a followed log goes through
/// ``receive(_:at:)``, which updates the fleet, the counters and the log, and calls the change
/// handler. Thread-safe; readers take snapshots.
public final class FAIMonitorService: Sendable {
    struct State {
        var fleet: MonitorFleet
        var counters = MonitorCounters()
        var generation = 0
        var throttle = NoteThrottle()
    }

    private let state: Mutex<State>
    private let log: MonitorLogWriter?
    private let changeHandler = Mutex<(@Sendable () -> Void)?>(nil)

    /// Creates a service with an empty fleet, writing to `log` when given.
    public init(fleet: MonitorFleet = MonitorFleet(), log: MonitorLogWriter? = nil) {
        state = Mutex(State(fleet: fleet))
        self.log = log
    }

    /// Calls `handler` (on the receiving thread) after every change.
    public func onChange(_ handler: @escaping @Sendable () -> Void) {
        changeHandler.withLock { $0 = handler }
    }

    /// The fleet now.
    public var fleet: MonitorFleet { state.withLock { $0.fleet } }
    /// The counters now.
    public var counters: MonitorCounters { state.withLock { $0.counters } }
    /// A number that grows with every change.
    public var generation: Int { state.withLock { $0.generation } }

    /// Writes `fai-monitor`'s start lines to the log.
    public func logStarted(port: Int) {
        guard let log else { return }
        log.write(log.format.started(port: port, pid: ProcessInfo.processInfo.processIdentifier, at: Self.seconds(Date())))
    }

    /// Takes one reception at `time` (seconds since the epoch).
    public func receive(_ reception: MonitorReception, at time: Double = Date().timeIntervalSince1970) {
        let entry = state.withLock { state -> String? in
            state.generation += 1
            let seconds = Int(time.rounded(.down))
            let format = log?.format ?? MonitorLogFormat()
            switch reception {
            case .line(_, let text, let line):
                state.counters.lines += 1
                if case .report(let sender, let message) = line {
                    state.fleet.apply(sender: sender, message: message, at: time)
                }
                return format.received(text, at: seconds)
            case .noData(let peer):
                state.counters.noData += 1
                return note(&state, at: time) { _ in format.noData(peer: peer, at: seconds) }
            case .dropped(let peer, let error):
                state.counters.dropped += 1
                return note(&state, at: time) { format.dropped(peer: peer, reason: error.description + $0, at: seconds) }
            case .refused(let peer, let refusal):
                state.counters.refused += 1
                return note(&state, at: time) { format.dropped(peer: peer, reason: refusal.description + $0, at: seconds) }
            }
        }
        if let entry { log?.write(entry) }
        changeHandler.withLock { $0 }?()
    }

    /// A note about bad input, throttled; `make` gets the "(and N more …)" suffix to add, if any.
    private func note(_ state: inout State, at time: Double, _ make: (String) -> String) -> String? {
        let (allowed, suppressed) = state.throttle.admit(at: time)
        guard allowed else { return nil }
        return make(suppressed > 0 ? " (and \(suppressed) more notes left out)" : "")
    }

    static func seconds(_ date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }
}
