/// A journal line that could not be read; the other lines are still read.
public struct JournalProblem: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line number in the file.
    public var line: Int
    /// Why it was skipped.
    public var reason: String

    /// Creates a problem.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    public var description: String { "line \(line): \(reason)" }
}
