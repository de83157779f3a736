/// A journal that cannot be read or written, or a change set that cannot be chosen from it.
public enum JournalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A file operation failed (path, what was done, the system's reason).
    case io(path: String, operation: String, reason: String)
    /// `--entry N` names no change set.
    case noSuchEntry(Int, count: Int)
    /// There is nothing left to undo.
    case nothingToUndo
    /// Nothing is interrupted or half-applied, so there is nothing to complete or roll back.
    case nothingInterrupted

    public var description: String {
        switch self {
        case .io(let path, let operation, let reason):
            return "journal \(path): cannot \(operation): \(reason)"
        case .noSuchEntry(let number, let count):
            return "there is no change set \(number) in this pool's journal (it has \(count))"
        case .nothingToUndo:
            return "nothing to undo: every change set of this pool is undone or is an undo"
        case .nothingInterrupted:
            return "no change set of this pool is interrupted or half-applied"
        }
    }
}
