import Foundation
import Synchronization

/// A local copy of the pool's VMs, consoles, hosts, pool and SRs, kept current by an `event.from` stream
/// instead of polling.
///
/// ``start()`` runs a dedicated thread (the calls block for up to ``eventTimeout``, which must not tie up
/// Swift's cooperative pool) with its own session and connection (``XenAPISession/makeSibling()``), so
/// ordinary calls on the original session are never queued behind it. The first call uses the token `""`
/// and replaces the cache with the full snapshot; later calls apply the changes since the last token.
/// After an error the thread reports ``State/reconnecting(attempt:error:)``, waits (0.5 s doubling up to
/// 15 s), logs in again and reloads the full snapshot. Every change and state change is delivered to the
/// `onUpdate` callback (on the event thread) and to every ``updates()`` stream.
public final class PoolCache: Sendable {
    /// Whether the cache is being kept current.
    public enum State: Sendable, Hashable, CustomStringConvertible {
        /// Started, first snapshot not loaded yet.
        case starting
        /// The event stream is running and the cache is current.
        case connected
        /// The stream failed `attempt` times in a row; the last error is given.
        case reconnecting(attempt: Int, error: String)
        /// Not started, or stopped.
        case stopped

        /// A readable form for logs and messages.
        public var description: String {
            switch self {
            case .starting: "connecting"
            case .connected: "connected"
            case .reconnecting(let attempt, let error): "reconnecting (attempt \(attempt)): \(error)"
            case .stopped: "stopped"
            }
        }
    }

    /// One delivery to observers: the cache after a change and the stream state.
    public struct Update: Sendable {
        /// The whole cache after the change.
        public let snapshot: PoolSnapshot
        /// The stream state.
        public let state: State
        /// The events applied (all objects as `add` after a full reload); empty for a state change only.
        public let events: [EventRecord]
        /// Whether this update replaced the whole cache (first load or reload after reconnecting).
        public let isFullReload: Bool
    }

    /// The classes the cache subscribes to.
    public static let classes = ["vm", "console", "host", "pool", "sr", "network", "vif"]

    /// The session whose pool is cached (a sibling session is made from it for the stream).
    public let session: XenAPISession
    /// The `timeout` passed to `event.from`.
    public let eventTimeout: Duration

    private struct Shared: Sendable {
        var snapshot = PoolSnapshot()
        var state = State.stopped
        var generation = 0
        var running = false
        var observers: [Int: AsyncStream<Update>.Continuation] = [:]
        /// The event thread's own session while it has one (``stop()`` logs it out at once).
        var eventSession: XenAPISession?
        var nextObserver = 0
    }

    private let shared = Mutex(Shared())
    private let onUpdate: @Sendable (Update) -> Void
    private let wakeUp = ChangeSignal()

    /// Creates a stopped cache for `session`'s pool.
    public init(
        session: XenAPISession, eventTimeout: Duration = .seconds(30),
        onUpdate: @escaping @Sendable (Update) -> Void = { _ in }
    ) {
        self.session = session
        self.eventTimeout = eventTimeout
        self.onUpdate = onUpdate
    }

    /// The cache as it is now.
    public func snapshot() -> PoolSnapshot { shared.withLock { $0.snapshot } }

    /// The stream state.
    public var state: State { shared.withLock { $0.state } }

    /// A stream of every later update; it finishes when the cache stops.
    public func updates() -> AsyncStream<Update> {
        let (stream, continuation) = AsyncStream<Update>.makeStream(bufferingPolicy: .bufferingNewest(64))
        let id = shared.withLock { shared in
            defer { shared.nextObserver += 1 }
            shared.observers[shared.nextObserver] = continuation
            return shared.nextObserver
        }
        continuation.onTermination = { [weak self] _ in
            _ = self?.shared.withLock { $0.observers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Starts the event thread; does nothing when already running.
    public func start() {
        let generation: Int? = shared.withLock { shared in
            guard !shared.running else { return nil }
            shared.running = true
            shared.generation += 1
            shared.state = .starting
            return shared.generation
        }
        guard let generation else { return }
        let thread = Thread { [self] in run(generation: generation) }
        thread.name = "xsfai-events"
        thread.start()
    }

    /// Stops the stream: logs the event session out before returning (so a process that exits right
    /// after leaves no session behind); the thread ends when its pending `event.from` returns and
    /// delivers nothing more.
    public func stop() {
        let (observers, events) = shared.withLock { shared in
            defer {
                shared.observers = [:]
                shared.eventSession = nil
            }
            shared.running = false
            shared.generation += 1
            shared.state = .stopped
            return (shared.observers.values, shared.eventSession)
        }
        for observer in observers { observer.finish() }
        wakeUp.signal()
        events?.logout()
    }

    /// Records `events` as the thread's session while `generation` is current; false when stopped.
    private func adopt(_ events: XenAPISession, generation: Int) -> Bool {
        shared.withLock { shared in
            guard shared.generation == generation else { return false }
            shared.eventSession = events
            return true
        }
    }

    /// Takes back the thread's session for logging out, unless ``stop()`` already did.
    private func release(_ events: XenAPISession) -> Bool {
        shared.withLock { shared in
            guard shared.eventSession === events else { return false }
            shared.eventSession = nil
            return true
        }
    }

    /// Blocks until `predicate` holds for the cache or `timeout` passes; returns the matching snapshot.
    public func wait(timeout: Duration, until predicate: (PoolSnapshot) -> Bool) -> PoolSnapshot? {
        var matching: PoolSnapshot?
        _ = waitUntil(timeout: timeout) {
            let current = snapshot()
            if predicate(current) { matching = current }
            return matching != nil
        }
        return matching
    }

    /// Blocks until `predicate` holds for the stream state or `timeout` passes; returns whether it held.
    public func waitForState(timeout: Duration, until predicate: (State) -> Bool) -> Bool {
        waitUntil(timeout: timeout) { predicate(state) }
    }

    /// Checks `condition` after every update (and at least every 200 ms) until it holds or `timeout` passes.
    private func waitUntil(timeout: Duration, _ condition: () -> Bool) -> Bool {
        let deadline = ContinuousClock.now + timeout
        while true {
            if condition() { return true }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return false }
            wakeUp.waitForChange(upTo: min(remaining, .milliseconds(200)))
        }
    }

    private func isCurrent(_ generation: Int) -> Bool { shared.withLock { $0.generation == generation } }

    private func run(generation: Int) {
        var stream: XenAPISession?
        var token = ""
        var failures = 0
        while isCurrent(generation) {
            do {
                let events = try stream ?? session.makeSibling()
                if stream == nil, !adopt(events, generation: generation) {
                    events.logout()
                    return
                }
                stream = events
                let batch = try events.event.from(Self.classes, token: token, timeout: eventTimeout)
                let isFullReload = token.isEmpty
                var snapshot = isFullReload ? PoolSnapshot() : self.snapshot()
                for event in batch.events { try snapshot.apply(event) }
                token = batch.token
                let wasConnected = failures == 0 && !isFullReload
                failures = 0
                if wasConnected && batch.events.isEmpty { continue }
                publish(
                    generation: generation, snapshot: snapshot, state: .connected, events: batch.events,
                    isFullReload: isFullReload)
            } catch {
                failures += 1
                token = ""
                if let broken = stream, !(error is XenAPIError) {
                    if release(broken) { broken.logout() }
                    stream = nil
                }
                publish(
                    generation: generation, snapshot: nil,
                    state: .reconnecting(attempt: failures, error: "\(error)"), events: [], isFullReload: false)
                let backoff = min(Duration.milliseconds(500) * (1 << min(failures - 1, 5)), .seconds(15))
                wakeUp.sleep(for: backoff, while: { isCurrent(generation) })
            }
        }
        if let stream, release(stream) { stream.logout() }
    }

    private func publish(
        generation: Int, snapshot: PoolSnapshot?, state: State, events: [EventRecord], isFullReload: Bool
    ) {
        let delivery: (Update, [AsyncStream<Update>.Continuation])? = shared.withLock { shared in
            guard shared.generation == generation else { return nil }
            if let snapshot { shared.snapshot = snapshot }
            shared.state = state
            let update = Update(snapshot: shared.snapshot, state: state, events: events, isFullReload: isFullReload)
            return (update, Array(shared.observers.values))
        }
        guard let (update, observers) = delivery else { return }
        wakeUp.signal()
        onUpdate(update)
        for observer in observers { observer.yield(update) }
    }
}
