/// Selection and scroll offset of a list, kept consistent with the number of rows and the visible
/// height. Stored in application state; views only read it.
public struct ListPosition: Sendable, Hashable {
    /// Index of the selected row (0 when the list is empty).
    public var selection: Int
    /// Index of the first visible row.
    public var offset: Int

    /// The top of a list.
    public init(selection: Int = 0, offset: Int = 0) {
        self.selection = selection
        self.offset = offset
    }

    /// Moves the selection by `delta` rows, clamped, and scrolls so it stays visible.
    public func moved(by delta: Int, count: Int, visibleRows: Int) -> ListPosition {
        ListPosition(selection: selection + delta, offset: offset).clamped(count: count, visibleRows: visibleRows)
    }

    /// Selects `index`, clamped, and scrolls so it stays visible.
    public func selecting(_ index: Int, count: Int, visibleRows: Int) -> ListPosition {
        ListPosition(selection: index, offset: offset).clamped(count: count, visibleRows: visibleRows)
    }

    /// Clamps selection and offset to a list of `count` rows showing `visibleRows` at a time.
    public func clamped(count: Int, visibleRows: Int) -> ListPosition {
        guard count > 0 else { return ListPosition() }
        let rows = max(1, visibleRows)
        let selected = min(max(0, selection), count - 1)
        var top = min(max(0, offset), max(0, count - rows))
        if selected < top { top = selected }
        if selected >= top + rows { top = selected - rows + 1 }
        return ListPosition(selection: selected, offset: top)
    }
}
