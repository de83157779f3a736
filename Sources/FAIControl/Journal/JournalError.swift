/// A journal that cannot be read or written.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file operation failed (path, what was done, the system's reason).
    case io(path: String, operation: String, reason: String)
    /// A line is not a journal entry.
    case corruptLine(path: String, line: Int, reason: String)
    /// `--entry N` names no entry.
    case noSuchEntry(Int, count: Int)
    /// There is nothing left to undo.
    case nothingToUndo

    public var description: String {
        switch self {
        case .io(let path, let operation, let reason):
            return "journal \(path): cannot \(operation): \(reason)"
        case .corruptLine(let path, let line, let reason):
            return "journal \(path), line \(line): not a journal entry (\(reason))"
        case .noSuchEntry(let number, let count):
            return "there is no journal entry \(number) (the journal has \(count))"
        case .nothingToUndo:
            return "nothing to undo: every journal entry is already undone or is an undo"
        }
    }
}
