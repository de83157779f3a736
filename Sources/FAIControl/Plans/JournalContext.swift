public import Foundation

/// What the executor writes into each journal entry besides the change itself.
public struct JournalContext: Sendable {
    /// The pool's UUID.
    public var pool: String
    /// The xsfai command applying the plan.
    public var command: String
    /// For an undo, the entry it reverts.
    public var undoes: Int?
    /// The clock stamping entries.
    public var now: @Sendable () -> Date

    /// Creates a context.
    public init(pool: String, command: String, undoes: Int? = nil, now: @escaping @Sendable () -> Date = { Date() }) {
        self.pool = pool
        self.command = command
        self.undoes = undoes
        self.now = now
    }
}
