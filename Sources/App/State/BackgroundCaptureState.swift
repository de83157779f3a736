public import XenAPI

/// One VM's background console capture as the reducer knows it (the bytes, emulator and tracker
/// live in the loop's capture registry): whether it is capturing, waiting for a slot or refused, and
/// what it read last. The fleet pane and the VMs column read this.
public struct BackgroundCaptureState: Sendable, Hashable {
    /// Where the capture stands.
    public enum Status: Sendable, Hashable {
        /// More install attempts than ``BackgroundCaptures/limit``: waiting for a capture to end.
        case waitingForSlot
        /// Connecting to the console.
        case connecting
        /// Attached: output is being captured.
        case capturing
        /// The stream dropped or the connect failed; trying again after `delayMilliseconds`.
        case retrying(delayMilliseconds: Int, reason: String)
        /// xapi refused the console (HTTP 503, `limit_console_sessions`): `holder` has it. Progress
        /// then comes from monitor data alone; the capture tries again now and then.
        case refused(holder: String)
        /// The attempt's verdict was read: the connection is closed (its slot freed), the history kept.
        case finished

        /// Whether the capture holds (or is getting) a connection: it takes one of the slots.
        public var holdsSlot: Bool {
            switch self {
            case .connecting, .capturing, .retrying, .refused: true
            case .waitingForSlot, .finished: false
            }
        }

        /// Short text for the fleet pane and the console tile headers.
        public var summary: String {
            switch self {
            case .waitingForSlot: "waiting for a capture slot"
            case .connecting: "connecting…"
            case .capturing: "capturing"
            case .retrying(let delay, let reason): "reconnecting in \(delay / 1000).\(delay % 1000 / 100)s (\(reason))"
            case .refused(let holder): "console refused (503): held by \(holder)"
            case .finished: "finished (history kept)"
            }
        }
    }

    /// Where the capture stands.
    public var status: Status
    /// Identifies the runtime capture this state follows; reports of an earlier one are ignored.
    public var id: Int
    /// The console being captured (a reboot gives the VM a new one).
    public var console: Ref<ConsoleRecord>?
    /// The domain the capture began in; -1 once the VM halted (its next start is a new attempt).
    public var domain: Int64 = -1
    /// The order the VM was first seen in an install attempt (slots go to the longest waiting).
    public var seen: Int
    /// The last non-blank line the console showed (sanitised when drawn).
    public var lastLine = ""
    /// The FAI progress line, e.g. `FAI: instsoft (5/12)`; empty before FAI output.
    public var progress = ""
    /// The install phase read.
    public var phase: InstallPhase = .unknown

    /// A capture seen as number `seen`, first told `status`.
    public init(status: Status, id: Int, seen: Int) {
        self.status = status
        self.id = id
        self.seen = seen
    }
}
