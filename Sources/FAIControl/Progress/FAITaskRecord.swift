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

/// Package counters of the instsoft task, from apt's output (only with FAI_FLAGS `verbose`).
public struct FAIPackageCounters: Sendable, Equatable {
    /// The sum of "newly installed" over every apt run in instsoft.
    public var total: Int
    /// `Unpacking <package>` lines seen.
    public var unpacked: Int
    /// `Setting up <package>` lines seen.
    public var setUp: Int

    /// Creates counters.
    public init(total: Int = 0, unpacked: Int = 0, setUp: Int = 0) {
        self.total = total
        self.unpacked = unpacked
        self.setUp = setUp
    }

    /// Installed fraction `(unpacked + setUp) / (2 × total)` capped at 1, or `nil` before a total is known.
    public var fraction: Double? {
        guard total > 0 else { return nil }
        return min(1, Double(unpacked + setUp) / Double(2 * total))
    }
}
