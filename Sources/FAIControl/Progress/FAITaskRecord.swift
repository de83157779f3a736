/// One FAI task as seen on the console: its error level and the error lines printed while it ran.
public struct FAITaskRecord: Sendable, Equatable {
    /// The task name without `task_` (e.g. `instsoft`).
    public var name: String
    /// The level from `Exit code task_<name>: <level>`; 0 when none was printed.
    public var level: Int
    /// Error lines attributed to the task (E1 patterns, FAILED scripts), duplicates removed.
    public var errorLines: [String]
    /// Whether FAI skipped the task (`Skipping task_<name>`).
    public var isSkipped: Bool
    /// Seconds from `Duration of task <name>:`, when FAI printed it.
    public var durationSeconds: Int?
    /// Up to 20 lines printed by the task before its exit code, kept when the level is not 0.
    public var contextLines: [String]

    /// Creates a record for a task that just started.
    public init(name: String, level: Int = 0, errorLines: [String] = [], isSkipped: Bool = false,
                durationSeconds: Int? = nil, contextLines: [String] = []) {
        self.name = name
        self.level = level
        self.errorLines = errorLines
        self.isSkipped = isSkipped
        self.durationSeconds = durationSeconds
        self.contextLines = contextLines
    }
}
