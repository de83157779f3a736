/// A journal entry with its 1-based line number (what `xsfai undo --entry N` takes).
public struct NumberedJournalEntry: Sendable, Hashable {
    /// The entry's number.
    public var number: Int
    /// The entry.
    public var entry: JournalEntry

    /// Creates a numbered entry.
    public init(number: Int, entry: JournalEntry) {
        self.number = number
        self.entry = entry
    }
}
