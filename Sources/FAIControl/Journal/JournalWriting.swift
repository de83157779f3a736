/// Where applied changes are recorded, one entry per parameter as soon as it is written.
public protocol JournalWriting {
    /// Appends `entry`; an error means the change is applied but not recorded.
    func append(_ entry: JournalEntry) throws
}
