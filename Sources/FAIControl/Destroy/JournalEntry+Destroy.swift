extension JournalEntry {
    /// Whether the entry records a destroyed VM or template (name-label → absent, which no parameter
    /// change can write): such an entry cannot be undone.
    public var isDestroy: Bool { parameter == .nameLabel && new == nil }
}
