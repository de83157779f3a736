/// How and where an FAI install failed.
public struct FAIFailure: Sendable, Equatable {
    /// The kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// FAI stopped (`FATAL ERROR. Installation stopped.` or another `die`).
        case fatal
        /// FAI finished, but tasks reported error levels at or above the failure threshold (400).
        case errors
        /// The kernel panicked after FAI had started.
        case crash
    }

    /// The kind of failure.
    public var kind: Kind
    /// The failed task (the first task at or above the threshold for ``Kind/errors``).
    public var task: String?
    /// The error level: printed by FAI, or inferred from the task (see ``isCodeInferred``).
    public var code: Int?
    /// Whether ``code`` was inferred from the task because FAI 3.x prints none when it stops.
    public var isCodeInferred: Bool
    /// Error lines of the failed task.
    public var errorLines: [String]
    /// FAI's traceback (`task_error task_partition task …`), when printed.
    public var traceback: String?
    /// Every task with a level at or above the threshold, with its error lines.
    public var issues: [FAITaskIssue]

    /// Creates a failure description.
    public init(kind: Kind, task: String?, code: Int?, isCodeInferred: Bool = false,
                errorLines: [String] = [], traceback: String? = nil, issues: [FAITaskIssue] = []) {
        self.kind = kind
        self.task = task
        self.code = code
        self.isCodeInferred = isCodeInferred
        self.errorLines = errorLines
        self.traceback = traceback
        self.issues = issues
    }
}
