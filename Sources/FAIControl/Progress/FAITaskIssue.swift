/// A task that reported a problem: its name, level and error lines (for outcome lists such as
/// "instsoft 472, configure 420").
public struct FAITaskIssue: Sendable, Equatable {
    /// The task name (or `savelog` for the savelog hook's verdict).
    public var task: String
    /// The task's error level.
    public var level: Int
    /// The error lines printed for it.
    public var errorLines: [String]

    /// Creates an issue.
    public init(task: String, level: Int, errorLines: [String]) {
        self.task = task
        self.level = level
        self.errorLines = errorLines
    }
}
