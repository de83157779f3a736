/// A scrollable table with a header row and a highlighted selection (htop's Panel, as a value).
///
/// A long list needs only its visible rows built: give the row count and the rows of
/// ``visibleRange(count:position:height:)`` (see ``init(columns:rowCount:visibleRows:position:isFocused:emptyText:)``).
public struct TableView: Sendable {
    /// Columns.
    public var columns: [TableColumn]
    /// How many rows the whole (filtered) list has.
    public var rowCount: Int
    /// The rows that were built: row `firstBuiltRow + i` of the list is `rows[i]`; others draw empty.
    public var rows: [TableRow]
    /// The list index of `rows[0]`.
    public var firstBuiltRow: Int
    /// Selection and scroll offset.
    public var position: ListPosition
    /// Whether the table has the focus (the selection is drawn highlighted only then).
    public var isFocused: Bool
    /// Shown when there are no rows.
    public var emptyText: String

    /// Creates a table view of every row of a list.
    public init(
        columns: [TableColumn], rows: [TableRow], position: ListPosition, isFocused: Bool = true,
        emptyText: String = "(nothing to show)"
    ) {
        self.columns = columns
        self.rowCount = rows.count
        self.rows = rows
        self.firstBuiltRow = 0
        self.position = position
        self.isFocused = isFocused
        self.emptyText = emptyText
    }

    /// Creates a table view of a list of `rowCount` rows of which only `visibleRows` were built: the
    /// rows of ``visibleRange(count:position:height:)`` for the height the table will be drawn in.
    public init(
        columns: [TableColumn], rowCount: Int, visibleRows: [TableRow], position: ListPosition,
        isFocused: Bool = true, emptyText: String = "(nothing to show)", height: Int
    ) {
        self.columns = columns
        self.rowCount = max(0, rowCount)
        self.rows = visibleRows
        self.firstBuiltRow = Self.visibleRange(count: rowCount, position: position, height: height).lowerBound
        self.position = position
        self.isFocused = isFocused
        self.emptyText = emptyText
    }

    /// Rows visible in an area of `height` (one row goes to the header).
    public static func visibleRows(inHeight height: Int) -> Int { max(1, height - 1) }

    /// The list indices a table of `count` rows shows in an area of `height` at `position`.
    public static func visibleRange(count: Int, position: ListPosition, height: Int) -> Range<Int> {
        guard count > 0 else { return 0..<0 }
        let rows = visibleRows(inHeight: height)
        let top = position.clamped(count: count, visibleRows: rows).offset
        return top..<min(count, top + max(0, height - 1))
    }

    /// The widths columns get in `width` cells (one space between columns).
    public func columnWidths(in width: Int) -> [Int] {
        let gaps = max(0, columns.count - 1)
        let fixed = columns.reduce(0) { total, column in
            if case .fixed(let w) = column.width { return total + w }
            return total
        }
        let flexible = columns.filter { if case .flexible = $0.width { return true } else { return false } }
        let minimums = flexible.reduce(0) { total, column in
            if case .flexible(let m) = column.width { return total + m }
            return total
        }
        let spare = max(0, width - gaps - fixed - minimums)
        var extraLeft = spare
        var flexibleIndex = 0
        return columns.map { column in
            switch column.width {
            case .fixed(let w):
                return w
            case .flexible(let minimum):
                flexibleIndex += 1
                let share = flexibleIndex == flexible.count ? extraLeft : spare / max(1, flexible.count)
                extraLeft -= share
                return minimum + share
            }
        }
    }

    /// Draws the table into `area` of `canvas`.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        canvas.fill(area)
        let widths = columnWidths(in: area.width)
        var x = area.x
        for (column, width) in zip(columns, widths) {
            canvas.write(column.title.padded(toWidth: width), at: Point(x: x, y: area.y), role: .header,
                         attributes: .bold, clip: area)
            x += width + 1
        }
        canvas.restyle(Rect(x: area.x, y: area.y, width: area.width, height: 1), role: .header, attributes: .bold)
        let body = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        guard rowCount > 0 else {
            canvas.write(emptyText, at: Point(x: body.x + 1, y: body.y), role: .dim, clip: body)
            return
        }
        let position = self.position.clamped(count: rowCount, visibleRows: body.height)
        for line in 0..<body.height {
            let index = position.offset + line
            guard index < rowCount else { break }
            let built = index - firstBuiltRow
            let row = rows.indices.contains(built) ? rows[built] : TableRow([])
            let y = body.y + line
            var cx = body.x
            for (column, width) in widths.enumerated() {
                let text = column < row.cells.count ? row.cells[column] : ""
                let role = (column < row.roles.count ? row.roles[column] : nil) ?? .normal
                canvas.write(text.truncated(toWidth: width), at: Point(x: cx, y: y), role: role, clip: body)
                cx += width + 1
            }
            if index == position.selection {
                canvas.restyle(Rect(x: body.x, y: y, width: body.width, height: 1),
                               role: isFocused ? .selection : .normal, attributes: isFocused ? [] : .reverse)
            }
        }
    }
}
