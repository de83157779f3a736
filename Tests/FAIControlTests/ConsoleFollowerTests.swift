import FAIControl
import Foundation
import Synchronization
import Testing
import XenAPI

/// The follower's decisions against a scripted pool: reattach after a drop, follow a reboot, wait
/// through a stop, back off and give up.
@Suite struct ConsoleFollowerTests {
    static let vm = Ref<VMRecord>("OpaqueRef:vm")
    static let first = Ref<ConsoleRecord>("OpaqueRef:console-1")
    static let second = Ref<ConsoleRecord>("OpaqueRef:console-2")

    static func running(_ console: Ref<ConsoleRecord>, domain: Int64) -> ConsoleSighting {
        ConsoleSighting(powerState: .running, domain: domain, console: console, location: "http://h/console?ref=\(console.rawValue)")
    }

    static let quick = ConsoleFollower.Configuration(
        backoff: ReattachBackoff(first: .milliseconds(20), cap: .milliseconds(80), jitter: 0.25),
        giveUpAfter: .milliseconds(400), endingGrace: .milliseconds(100), tick: .milliseconds(20))

    /// Follows until `stopWhen` holds for the events so far (or 10 s pass); returns the events without idles.
    static func follow(
        _ source: ScriptedConsoleSource, configuration: ConsoleFollower.Configuration = quick,
        until stopWhen: @escaping ([ConsoleFollower.Event]) -> Bool
    ) -> ([ConsoleFollower.Event], ConsoleFollower.Outcome) {
        let follower = ConsoleFollower(vm: vm, source: source, configuration: configuration)
        var events: [ConsoleFollower.Event] = []
        let deadline = ContinuousClock.now + .seconds(10)
        let outcome = follower.follow { event in
            if event != .idle { events.append(event) }
            return !stopWhen(events) && ContinuousClock.now < deadline
        }
        return (events, outcome)
    }

    @Test func aDroppedStreamIsReattachedAtOnceAndTheOutputGoesOn() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        source.script(.stream([Array("one".utf8)]), .stream([Array("two".utf8)], staysOpen: true))
        let (events, _) = Self.follow(source) { $0.contains(.bytes(Array("two".utf8))) }
        #expect(events == [
            .attached(.init(number: 1, console: Self.first, domain: 1, isReattachment: false)),
            .bytes(Array("one".utf8)),
            .attached(.init(number: 2, console: Self.first, domain: 1, isReattachment: true)),
            .bytes(Array("two".utf8)),
        ])
    }

    @Test func aConsoleThatCannotBeReattachedIsRetriedWithAGrowingCappedDelay() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        source.script(.stream([Array("one".utf8)]), .refused, .refused, .refused, .refused, .stream([Array("back".utf8)], staysOpen: true))
        let (events, _) = Self.follow(source) { $0.contains(.bytes(Array("back".utf8))) }
        let delays = events.compactMap { event -> Duration? in
            if case .lost(_, let delay) = event { return delay }
            return nil
        }
        #expect(delays.count == 4)
        for (index, delay) in delays.enumerated() {
            let full = min(Duration.milliseconds(20) * (1 << index), .milliseconds(80))
            #expect(delay <= full && delay >= full * 0.75, "delay \(index): \(delay)")
        }
        #expect(events.last == .bytes(Array("back".utf8)))
        #expect(events.compactMap(\.message).contains { $0.hasPrefix("console lost, reattaching in 0.0s (refused") })
    }

    @Test func aRebootIsFollowedToTheNewDomainsConsole() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        source.script(.stream([Array("installer".utf8)], then: Self.running(Self.second, domain: 2)), .stream([Array("login:".utf8)], staysOpen: true))
        let (events, _) = Self.follow(source) { $0.contains(.bytes(Array("login:".utf8))) }
        #expect(events == [
            .attached(.init(number: 1, console: Self.first, domain: 1, isReattachment: false)),
            .bytes(Array("installer".utf8)),
            .ended(.rebooted),
            .attached(.init(number: 2, console: Self.second, domain: 2, isReattachment: false)),
            .bytes(Array("login:".utf8)),
        ])
    }

    @Test func aRebootThePoolShowsLateIsStillARebootNotALoss() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        // The stream ends; the new domain appears 50 ms later (within the grace); the old console is gone.
        source.script(
            .stream([Array("installer".utf8)], then: Self.running(Self.second, domain: 2), after: .milliseconds(50)),
            .refused, .stream([Array("login:".utf8)], staysOpen: true))
        let (events, _) = Self.follow(source) { $0.contains(.bytes(Array("login:".utf8))) }
        #expect(!events.contains { if case .lost = $0 { true } else { false } }, "\(events)")
        #expect(events.contains(.ended(.rebooted)))
        #expect(events.last == .bytes(Array("login:".utf8)))
    }

    @Test func aStoppedVMIsWaitedForAndItsNextStartAttached() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        source.script(.stream([Array("bye".utf8)], then: ConsoleSighting(powerState: .halted)), .stream([Array("again".utf8)], staysOpen: true))
        let restarter = Thread {
            Thread.sleep(forTimeInterval: 0.3)
            source.set(Self.running(Self.second, domain: 3))
        }
        restarter.start()
        let (events, _) = Self.follow(source) { $0.contains(.bytes(Array("again".utf8))) }
        #expect(events.contains(.ended(.vmStopped)))
        #expect(events.contains(.waitingForPowerOn))
        #expect(!events.contains { if case .gaveUp = $0 { true } else { false } })
        #expect(events.last == .bytes(Array("again".utf8)))
    }

    @Test func aConsoleLostTooLongIsGivenUpWithTheLastError() {
        let source = ScriptedConsoleSource(Self.running(Self.first, domain: 1))
        source.script(.stream([Array("one".utf8)]))  // then every attach is refused
        let (events, outcome) = Self.follow(source) { _ in false }
        guard case .gaveUp(let reason) = outcome else {
            Issue.record("did not give up: \(events)")
            return
        }
        #expect(reason.contains("refused"))
        #expect(events.last == .gaveUp(reason))
        #expect(events.last?.message?.hasPrefix("giving up on the console: lost for") == true)
    }

    @Test func aDestroyedVMEndsTheFollowing() {
        let source = ScriptedConsoleSource(ConsoleSighting(powerState: nil))
        let (_, outcome) = Self.follow(source) { _ in false }
        #expect(outcome == .gaveUp("the VM no longer exists"))
    }

    @Test func backoffDoublesToItsCapAndJittersDownOnly() {
        var backoff = ReattachBackoff(first: .milliseconds(250), cap: .seconds(2), jitter: 0.5)
        var generator = SystemRandomNumberGenerator()
        let delays = (0..<6).map { _ in backoff.next(using: &generator) }
        let full: [Duration] = [.milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(2), .seconds(2)]
        for (delay, limit) in zip(delays, full) { #expect(delay <= limit && delay >= limit * 0.5) }
        backoff.reset()
        #expect(backoff.next(using: &generator) <= .milliseconds(250))
        var steady = ReattachBackoff(first: .milliseconds(100), cap: .seconds(1), jitter: 0)
        #expect(steady.next() == .milliseconds(100))
        #expect(steady.next() == .milliseconds(200))
    }
}

/// A pool whose VM sighting the test sets, and whose console attaches follow a script.
final class ScriptedConsoleSource: ConsoleSource {
    enum Attach {
        /// The attach succeeds; the stream delivers `chunks`, then ends (unless `staysOpen`) and the
        /// sighting becomes `then` (if given) `after` the end.
        case stream([[UInt8]], staysOpen: Bool = false, then: ConsoleSighting? = nil, after: Duration = .zero)
        /// The attach fails.
        case refused
    }

    private struct State {
        var sighting: ConsoleSighting
        var script: [Attach] = []
    }

    private let state: Mutex<State>

    init(_ sighting: ConsoleSighting) { state = Mutex(State(sighting: sighting)) }

    func script(_ attaches: Attach...) { state.withLock { $0.script = attaches } }

    func set(_ sighting: ConsoleSighting) { state.withLock { $0.sighting = sighting } }

    func sighting(of vm: Ref<VMRecord>) -> ConsoleSighting { state.withLock { $0.sighting } }

    func sighting(of vm: Ref<VMRecord>, changedFrom seen: ConsoleSighting, within timeout: Duration) -> ConsoleSighting {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let now = sighting(of: vm)
            if now != seen { return now }
            Thread.sleep(forTimeInterval: 0.005)
        }
        return sighting(of: vm)
    }

    func openConsole(at location: String) throws -> any ConsoleConnection {
        let next = state.withLock { $0.script.isEmpty ? Attach.refused : $0.script.removeFirst() }
        switch next {
        case .refused:
            throw Refused()
        case .stream(let chunks, let staysOpen, let then, let after):
            return ScriptedConnection(chunks: chunks, staysOpen: staysOpen) { [self] in
                guard let then else { return }
                if after == .zero { set(then) } else {
                    Thread { Thread.sleep(forTimeInterval: Double(after.components.attoseconds) / 1e18); self.set(then) }.start()
                }
            }
        }
    }
}

/// The error of a refused attach.
struct Refused: Error, CustomStringConvertible {
    var description: String { "refused by the script" }
}

/// A console stream that delivers its chunks, then ends (running `onEnd` first) or stays open.
final class ScriptedConnection: ConsoleConnection, @unchecked Sendable {
    private let lock = NSLock()
    private var chunks: [[UInt8]]
    private let staysOpen: Bool
    private let onEnd: () -> Void
    private var ended = false

    init(chunks: [[UInt8]], staysOpen: Bool, onEnd: @escaping () -> Void) {
        self.chunks = chunks
        self.staysOpen = staysOpen
        self.onEnd = onEnd
    }

    func send(_ bytes: [UInt8]) throws {}

    func receive(timeout: Duration) throws -> ConsoleChunk {
        lock.lock()
        defer { lock.unlock() }
        if !chunks.isEmpty { return .bytes(chunks.removeFirst()) }
        if staysOpen && !ended {
            lock.unlock()
            Thread.sleep(forTimeInterval: 0.01)
            lock.lock()
            return .timedOut
        }
        if !ended {
            ended = true
            onEnd()
        }
        return .endOfStream
    }

    func close() {
        lock.lock()
        ended = true
        lock.unlock()
    }
}
