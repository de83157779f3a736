public import XenAPI

extension ConsoleFollower {
    /// One attachment to a console.
    public struct Attachment: Sendable, Hashable {
        /// 1 for the first attachment of this follower, then counting every reattach and reboot.
        public var number: Int
        /// The console attached.
        public var console: Ref<ConsoleRecord>
        /// The domain it belongs to (changes on every reboot).
        public var domain: Int64
        /// Whether this is the same console as the last attachment's (a reattach after it was lost).
        public var isReattachment: Bool

        /// Creates an attachment record.
        public init(number: Int, console: Ref<ConsoleRecord>, domain: Int64, isReattachment: Bool) {
            self.number = number
            self.console = console
            self.domain = domain
            self.isReattachment = isReattachment
        }
    }

    /// Why a console stream ended without being lost.
    public enum Ending: Sendable, Hashable {
        /// The VM rebooted: a new domain has a new console, attached next.
        case rebooted
        /// The VM stopped (halted, suspended or paused): the follower waits for it to run again.
        case vmStopped
    }

    /// What the follower reports to its handler, which returns false to stop following.
    public enum Event: Sendable, Hashable {
        /// The VM does not run (yet): waiting for it to start (reported once per wait).
        case waitingForPowerOn
        /// Attached to a console.
        case attached(Attachment)
        /// Bytes from the guest.
        case bytes([UInt8])
        /// The stream ended because the VM rebooted or stopped.
        case ended(Ending)
        /// The console was lost (dropped, or it could not be attached while the VM runs); the next
        /// attempt is in `retryIn`.
        case lost(reason: String, retryIn: Duration)
        /// Nothing happened for a moment (for clocks and timeouts).
        case idle
        /// The follower gave up (the console stayed lost too long, or the VM is gone); it returns next.
        case gaveUp(String)

        /// The line to log for the event, if it is worth one (nil for bytes and idle).
        public var message: String? {
            switch self {
            case .waitingForPowerOn: "waiting for the VM to start"
            case .attached(let attachment):
                attachment.isReattachment ? "console reattached" : "attached to console \(attachment.number)"
            case .bytes, .idle: nil
            case .ended(.rebooted): "the VM rebooted; attaching to the new console"
            case .ended(.vmStopped): "console closed; waiting for the VM to run again"
            case .lost(let reason, let delay): "console lost, reattaching in \(Self.seconds(delay))s (\(reason))"
            case .gaveUp(let reason): "giving up on the console: \(reason)"
            }
        }

        /// `delay` in seconds with one decimal, e.g. `0.4`.
        static func seconds(_ delay: Duration) -> String {
            let tenths = (delay.components.seconds * 10) + delay.components.attoseconds / 100_000_000_000_000_000
            return "\(tenths / 10).\(tenths % 10)"
        }
    }

    /// How ``ConsoleFollower/follow(_:)`` ended.
    public enum Outcome: Sendable, Hashable {
        /// The handler or ``ConsoleFollower/stop()`` ended it.
        case stopped
        /// The follower gave up, for the reason given.
        case gaveUp(String)
    }

    /// Timing of the follower.
    public struct Configuration: Sendable {
        /// The delays between reattach attempts.
        public var backoff: ReattachBackoff
        /// How long the console may stay lost (while the VM runs or the pool is unreachable) before
        /// the follower gives up.
        public var giveUpAfter: Duration
        /// How long to wait, after a stream ended, for the pool to show a reboot or stop before
        /// taking it for a lost connection.
        public var endingGrace: Duration
        /// How often the handler gets ``Event/idle`` at the latest.
        public var tick: Duration

        /// The defaults: retries from 0.25 s doubling to 15 s, giving up after 5 minutes lost.
        public init(
            backoff: ReattachBackoff = ReattachBackoff(), giveUpAfter: Duration = .seconds(300),
            endingGrace: Duration = .milliseconds(250), tick: Duration = .milliseconds(250)
        ) {
            self.backoff = backoff
            self.giveUpAfter = giveUpAfter
            self.endingGrace = endingGrace
            self.tick = tick
        }
    }
}
