/// What the console showed of a failed install, for the details of the VM: the FAI verdict, the
/// failed task and FAI's error lines with where they are in the console capture.
public struct FailureReport: Sendable, Hashable {
    /// One of FAI's error lines and the capture line it was printed on.
    public struct ErrorLine: Sendable, Hashable {
        /// The task that printed it.
        public var task: String
        /// The text, as FAI printed it.
        public var text: String
        /// The capture line (0 = oldest) it is on, when it is still in the scrollback.
        public var line: Int?

        /// Creates an error line.
        public init(task: String, text: String, line: Int?) {
            self.task = task
            self.text = text
            self.line = line
        }
    }

    /// The one-line verdict, as `xsfai console --until-done` prints it.
    public var summary: String
    /// The failed task.
    public var task: String?
    /// FAI's error level.
    public var code: Int?
    /// Error lines of the failed task and of every other task at or above the failure threshold.
    public var errorLines: [ErrorLine]

    /// Creates a report.
    public init(summary: String, task: String?, code: Int?, errorLines: [ErrorLine]) {
        self.summary = summary
        self.task = task
        self.code = code
        self.errorLines = errorLines
    }

    /// The error lines that can be shown in the console (still in its capture).
    public var jumpableLines: [ErrorLine] { errorLines.filter { $0.line != nil } }
}
