import FAIControl

/// The verdict on one install attempt from its monitor messages alone.
public enum MonitorVerdict: Sendable, Equatable {
    /// No verdict yet.
    case running
    /// FAI reached `faiend` and every code is below the warning level.
    case succeeded
    /// FAI reached `faiend` with codes at or above the warning level but below the failure level.
    case succeededWithWarnings(task: String, code: Int)
    /// FAI stopped (a code above `STOP_ON_ERROR`, or a fixed `TASKERROR`), or finished with a code at
    /// or above the failure level; `task` is the first failing task.
    case failed(task: String, code: Int, stopped: Bool)

    /// Whether a verdict exists.
    public var isDecided: Bool { self != .running }

    /// The `--watch` exit code once decided: 0 success, 3 FAI failed.
    public var exitCode: Int32? {
        switch self {
        case .running: nil
        case .succeeded, .succeededWithWarnings: FAIProgress.UntilDoneExitCode.success
        case .failed: FAIProgress.UntilDoneExitCode.faiFailure
        }
    }
}
