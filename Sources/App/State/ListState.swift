public import TUI
public import XenAPI

/// A filterable list pane's state: the rows shown (already filtered and sorted), selection, filter.
public struct ListState: Sendable, Hashable {
    /// The references shown, in display order.
    public var rows: [Ref<VMRecord>] = []
    /// Selection and scroll offset.
    public var position = ListPosition()
    /// The filter text.
    public var filter = TextInput()
    /// Whether the filter is being typed (keys go to it).
    public var isEditingFilter = false
    /// The sort order.
    public var sort = SortOrder()
    /// Rows marked with Space or `*` (the VMs pane): `r`, `s`, `S`, `D` act on all of them.
    public var marked: Set<Ref<VMRecord>> = []

    /// Creates an empty list.
    public init() {}

    /// The marked rows in display order.
    public var markedInOrder: [Ref<VMRecord>] { rows.filter { marked.contains($0) } }

    /// The selected reference, if any.
    public var selected: Ref<VMRecord>? {
        position.selection < rows.count ? rows[position.selection] : nil
    }
}
