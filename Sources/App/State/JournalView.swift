public import FAIControl

/// The journal overlay: this pool's change sets, newest first, one selected; Enter shows it in full.
public struct JournalView: Sendable, Hashable {
    /// The journal as read; `nil` while loading.
    public var contents: JournalContents?
    /// The selected row (0 = the newest set).
    public var selected = 0
    /// Whether the selected set is shown in full.
    public var isShowingDetails = false

    /// An empty, loading view.
    public init(contents: JournalContents? = nil) { self.contents = contents }

    /// The sets, newest first.
    public var rows: [ChangeSet] { (contents?.sets ?? []).reversed() }

    /// The selected set.
    public var selectedSet: ChangeSet? { rows.indices.contains(selected) ? rows[selected] : nil }

    /// Moves the selection by `delta`, within the rows.
    public mutating func move(by delta: Int) {
        selected = max(0, min(rows.count - 1, selected + delta))
    }
}
