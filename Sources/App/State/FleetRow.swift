public import FAIControl
public import XenAPI

/// One install attempt in the fleet pane: a VM (or a monitor sender no VM matches) with what its
/// console and the FAI monitor say, merged. Computed by the reducer; the view only draws it.
public struct FleetRow: Sendable, Hashable {
    /// What a row stands for.
    public enum ID: Sendable, Hashable {
        /// A VM of the pool.
        case vm(Ref<VMRecord>)
        /// A monitor sender that maps to no VM.
        case sender(String)
    }

    /// Where the row's facts come from.
    public enum Source: String, Sendable, Hashable {
        /// Nothing heard yet (an attempt this TUI just began).
        case none = "-"
        /// Only the VM's console.
        case console
        /// Only the FAI monitor.
        case monitor
        /// Both.
        case both
    }

    /// The row's verdict, merged from console and monitor.
    public enum Verdict: Sendable, Hashable {
        /// Nothing from FAI yet (the VM boots, or was just started).
        case waiting
        /// FAI runs.
        case running
        /// FAI finished without warnings.
        case succeeded
        /// FAI finished with a warning (`task` and its code).
        case warnings(task: String, code: Int)
        /// FAI failed in `task` (with its code when known); `stopped` when FAI gave up there.
        case failed(task: String, code: Int?, stopped: Bool)
        /// The kernel did not boot into FAI.
        case noBoot
        /// No console output for too long.
        case hung

        /// The verdict column's text.
        public var label: String {
            switch self {
            case .waiting: "waiting"
            case .running: "running"
            case .succeeded: "ok"
            case .warnings(let task, let code): "warnings (\(task) \(code))"
            case .failed(let task, let code, let stopped):
                "\(stopped ? "stopped" : "failed") (\(task)\(code.map { " \($0)" } ?? ""))"
            case .noBoot: "no-boot"
            case .hung: "hung"
            }
        }

        /// The state word the state filter and `/state:` match: waiting, running, ok, warning,
        /// failed, no-boot or hung.
        public var state: String {
            switch self {
            case .waiting: "waiting"
            case .running: "running"
            case .succeeded: "ok"
            case .warnings: "warning"
            case .failed: "failed"
            case .noBoot: "no-boot"
            case .hung: "hung"
            }
        }

        /// Whether the attempt is over.
        public var isDecided: Bool { self != .waiting && self != .running }

        /// Whether the attempt went wrong (failed, no-boot, hung): `r` rearms these.
        public var isBad: Bool {
            switch self {
            case .failed, .noBoot, .hung: true
            default: false
            }
        }

        /// Sort rank for "by state": attention first (bad), then running, waiting, finished well.
        var rank: Int {
            switch self {
            case .failed, .noBoot, .hung: 0
            case .running: 1
            case .waiting: 2
            case .warnings: 3
            case .succeeded: 4
            }
        }
    }

    /// The row's identity.
    public var id: ID
    /// The VM's name-label, or the sender for an unmapped one.
    public var name: String
    /// The monitor send id, when the monitor heard of this attempt.
    public var sender: String?
    /// The host the VM runs on (empty when halted or unknown).
    public var host: String
    /// Where the facts come from.
    public var source: Source
    /// The FAI task running or last reported.
    public var task: String
    /// The FAI phase reached, 1…``phases`` (0 before the first task).
    public var phase: Int
    /// How many phases an install has.
    public var phases: Int = FAIPhase.count
    /// Seconds since the attempt began (to its end once decided), when known.
    public var elapsed: Int?
    /// The verdict.
    public var verdict: Verdict
    /// The error band of the highest FAI code reported, when one was.
    public var band: FAIErrorBand?
    /// The last line of the attempt: the console's (when captured), else the last monitor message.
    public var lastLine: String

    /// The VM, when the row is one.
    public var vm: Ref<VMRecord>? {
        if case .vm(let ref) = id { return ref }
        return nil
    }

    /// Creates a row.
    public init(
        id: ID, name: String, sender: String? = nil, host: String = "", source: Source, task: String = "", phase: Int = 0,
        elapsed: Int? = nil, verdict: Verdict, band: FAIErrorBand? = nil, lastLine: String = ""
    ) {
        self.id = id
        self.name = name
        self.sender = sender
        self.host = host
        self.source = source
        self.task = task
        self.phase = phase
        self.elapsed = elapsed
        self.verdict = verdict
        self.band = band
        self.lastLine = lastLine
    }
}
