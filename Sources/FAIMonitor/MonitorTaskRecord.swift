/// One FAI task as reported to the monitor.
public struct MonitorTaskRecord: Sendable, Hashable {
    /// Where the task is.
    public enum State: Sendable, Hashable {
        /// `TASKBEGIN` seen, no `TASKEND` yet.
        case running
        /// `TASKEND` with the task's highest error code.
        case ended(code: Int)
        /// `TASKSKIP`.
        case skipped
    }

    /// The task name (e.g. `instsoft`).
    public var name: String
    /// Where the task is.
    public var state: State
    /// The code of a `TASKERROR` for this task, if one came.
    public var errorCode: Int?

    /// Creates a record.
    public init(name: String, state: State, errorCode: Int? = nil) {
        self.name = name
        self.state = state
        self.errorCode = errorCode
    }

    /// The highest code reported for the task (its `TASKEND` code or its `TASKERROR` code).
    public var code: Int {
        var code = errorCode ?? 0
        if case .ended(let ended) = state { code = max(code, ended) }
        return code
    }
}
