public import XenAPI
import Synchronization

/// Follows one VM's vt100 console for as long as it is wanted, the same way for the CLI and the TUI:
///
/// - waits (on the pool's event stream) until the VM runs with a console, and attaches;
/// - when the stream ends, tells a reboot (a new domain with a new console: attached at once) and a
///   stop (waits for the VM to run again) from a lost connection, which it reattaches at once (the
///   console has no history: output sent meanwhile is gone) and then with a capped, jittered backoff
///   (``ConsoleFollower/Event/lost(reason:retryIn:)``, "console lost, reattaching in Ns"); a lost
///   session (a toolstack restart) is renewed by the source on the way;
/// - gives up (``Outcome/gaveUp(_:)``) when the console stays lost for
///   ``Configuration/giveUpAfter``, or the VM is destroyed.
///
/// ``follow(_:)`` blocks its thread (console reads and pool waits block): run it on a thread of its
/// own. ``send(_:)`` and ``stop()`` may be called from any thread.
public final class ConsoleFollower: Sendable {
    /// The VM followed.
    public let vm: Ref<VMRecord>
    private let source: any ConsoleSource
    private let configuration: Configuration
    private let current = Mutex<(any ConsoleConnection)?>(nil)
    private let stopped = Mutex(false)

    /// A follower of `vm` learning about it from `source`.
    public init(vm: Ref<VMRecord>, source: any ConsoleSource, configuration: Configuration = Configuration()) {
        self.vm = vm
        self.source = source
        self.configuration = configuration
    }

    /// Sends keystrokes to the console attached now (dropped while none is).
    public func send(_ bytes: [UInt8]) throws {
        let connection = current.withLock { $0 }
        try connection?.send(bytes)
    }

    /// Makes ``follow(_:)`` return soon; callable from any thread.
    public func stop() {
        stopped.withLock { $0 = true }
        current.withLock { $0 }?.close()
    }

    /// Whether ``stop()`` was called.
    public var isStopped: Bool { stopped.withLock { $0 } }

    /// Follows the console, reporting every event to `handler`, until the handler returns false,
    /// ``stop()`` is called or the follower gives up.
    @discardableResult
    public func follow(_ handler: (Event) -> Bool) -> Outcome {
        var run = Run(configuration: configuration)
        while !isStopped {
            let sighting = source.sighting(of: vm)
            if sighting.vmIsGone { return giveUp("the VM no longer exists", handler) }
            guard sighting.hasRunningConsole, let console = sighting.console, let location = sighting.location else {
                if !waitForConsole(sighting, &run, handler) { return run.outcome }
                continue
            }
            if let retryAt = run.retryAt, ContinuousClock.now < retryAt {
                if !waitForRetry(until: retryAt, from: sighting, &run, handler) { return run.outcome }
                continue
            }
            run.retryAt = nil
            let connection: any ConsoleConnection
            do {
                connection = try source.openConsole(at: location)
            } catch {
                let reason = Self.describe(error)
                if run.droppedStream != nil {
                    // The stream had just ended and reattaching at once failed: a reboot or stop the
                    // pool shows a moment later, or a console really lost.
                    run.droppedStream = nil
                    if let ending = ending(of: console, from: sighting, grace: configuration.endingGrace) {
                        if !handler(.ended(ending)) { return .stopped }
                        continue
                    }
                }
                if !lose(reason: reason, &run, handler) { return run.outcome }
                continue
            }
            run.droppedStream = nil
            run.attachments += 1
            run.lostSince = nil
            run.reportedWaiting = false
            let attachment = Attachment(
                number: run.attachments, console: console, domain: sighting.domain,
                isReattachment: run.lastConsole == console)
            run.lastConsole = console
            current.withLock { $0 = connection }
            let (ended, sawBytes) = handler(.attached(attachment)) ? read(connection, handler) : (nil, false)
            current.withLock { $0 = nil }
            connection.close()
            guard let reason = ended, !isStopped else { return .stopped }
            if let ending = ending(of: console, from: sighting, grace: .zero) {
                if !handler(.ended(ending)) { return .stopped }
            } else if sawBytes {
                // A stream that carried output is reattached at once (no output is missed while
                // waiting); the backoff starts when that fails.
                run.backoff.reset()
                run.droppedStream = reason
            } else if !lose(reason: reason, &run, handler) {
                return run.outcome
            }
        }
        return .stopped
    }

    /// The state of one ``follow(_:)`` call.
    private struct Run {
        var backoff: ReattachBackoff
        var attachments = 0
        var lastConsole: Ref<ConsoleRecord>?
        /// When the console was lost, while it stays lost.
        var lostSince: ContinuousClock.Instant?
        /// When to try attaching again after a loss.
        var retryAt: ContinuousClock.Instant?
        var reportedWaiting = false
        /// Why the last stream ended, while it looks like a lost connection not yet retried.
        var droppedStream: String?
        var outcome = Outcome.stopped

        init(configuration: Configuration) { backoff = configuration.backoff }
    }

    /// The VM does not run with a console: wait for a change. False when following ends.
    private func waitForConsole(_ sighting: ConsoleSighting, _ run: inout Run, _ handler: (Event) -> Bool) -> Bool {
        if sighting.isLoaded, sighting.staleReason == nil, sighting.powerState != .running {
            // The pool says it does not run: nothing is lost, the VM is waited for.
            run.lostSince = nil
            if !run.reportedWaiting {
                run.reportedWaiting = true
                if !handler(.waitingForPowerOn) { return false }
            }
        }
        if let lostSince = run.lostSince, lostSince.duration(to: .now) >= configuration.giveUpAfter {
            run.outcome = giveUp(giveUpReason(sighting.staleReason ?? "the VM has no console"), handler)
            return false
        }
        _ = source.sighting(of: vm, changedFrom: sighting, within: configuration.tick)
        return handler(.idle) && !isStopped
    }

    /// Waits for the retry time, or less when the pool shows a different console. False when following ends.
    private func waitForRetry(
        until retryAt: ContinuousClock.Instant, from sighting: ConsoleSighting, _ run: inout Run,
        _ handler: (Event) -> Bool
    ) -> Bool {
        let remaining = ContinuousClock.now.duration(to: retryAt)
        let latest = source.sighting(of: vm, changedFrom: sighting, within: min(remaining, configuration.tick))
        if latest.console != sighting.console || latest.powerState != sighting.powerState { run.retryAt = nil }
        return handler(.idle) && !isStopped
    }

    /// The console could not be attached, or its stream broke: schedule a retry, or give up when
    /// it has been lost too long. False when following ends.
    private func lose(reason: String, _ run: inout Run, _ handler: (Event) -> Bool) -> Bool {
        let now = ContinuousClock.now
        let lostSince = run.lostSince ?? now
        run.lostSince = lostSince
        if lostSince.duration(to: now) >= configuration.giveUpAfter {
            run.outcome = giveUp(giveUpReason(reason), handler)
            return false
        }
        let delay = run.backoff.next()
        run.retryAt = now + delay
        return handler(.lost(reason: reason, retryIn: delay)) && !isStopped
    }

    /// How the stream of `console` (attached as `sighting` showed) ended, if the pool shows it
    /// within `grace`: a reboot (another console or domain) or a stop; nil when the VM still runs
    /// with the same console (the connection was lost).
    private func ending(of console: Ref<ConsoleRecord>, from sighting: ConsoleSighting, grace: Duration) -> Ending? {
        var latest = source.sighting(of: vm)
        if grace > .zero, latest.console == console, latest.powerState == .running {
            latest = source.sighting(of: vm, changedFrom: latest, within: grace)
        }
        if latest.powerState != .running, latest.staleReason == nil, latest.isLoaded { return .vmStopped }
        if latest.powerState == .running, latest.console != console || latest.domain != sighting.domain { return .rebooted }
        return nil
    }

    /// Reads until the stream ends (returns why, and whether any bytes came) or following should
    /// stop (returns nil).
    private func read(_ connection: any ConsoleConnection, _ handler: (Event) -> Bool) -> (String?, Bool) {
        var sawBytes = false
        while !isStopped {
            let chunk: ConsoleChunk
            do {
                chunk = try connection.receive(timeout: configuration.tick)
            } catch {
                return (Self.describe(error), sawBytes)
            }
            switch chunk {
            case .bytes(let bytes):
                sawBytes = true
                if !handler(.bytes(bytes)) { return (nil, sawBytes) }
            case .timedOut: if !handler(.idle) { return (nil, sawBytes) }
            case .endOfStream: return ("the console stream closed", sawBytes)
            }
        }
        return (nil, sawBytes)
    }

    private func giveUpReason(_ last: String) -> String {
        "lost for \(configuration.giveUpAfter.components.seconds) s (last: \(last))"
    }

    private func giveUp(_ reason: String, _ handler: (Event) -> Bool) -> Outcome {
        _ = handler(.gaveUp(reason))
        return .gaveUp(reason)
    }

    private static func describe(_ error: any Error) -> String { "\(error)" }
}
