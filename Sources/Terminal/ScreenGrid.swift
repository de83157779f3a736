/// The cells of one screen (main or alternate): a flat buffer of `rows × columns` cells addressed
/// through a row → slot map, so scrolling a region rotates a few integers instead of moving cells.
///
/// Invariants: the right half of a wide character (width 0) always directly follows its left half
/// (width 2), and every edit that could split a pair blanks the orphaned half; every cell at or right
/// of a row's extent is a default blank, so clearing and archiving a row only touch its used part.
final class ScreenGrid {
    private(set) var columns: Int
    private(set) var rows: Int
    private var cells: UnsafeMutablePointer<StoredCell>
    private var slotOfRow: [Int]
    /// Per slot: the line was continued on the next one by autowrap.
    private var wrappedSlots: [Bool]
    /// Per slot: one past the last column that may differ from a default blank.
    private var extentOfSlot: [Int]
    /// Base scalar plus combining marks of the cells flagged `hasCluster`, keyed by slot × columns + column.
    private var clusters: [Int: String] = [:]

    init(size: TerminalSize) {
        columns = size.columns
        rows = size.rows
        cells = .allocate(capacity: size.rows * size.columns)
        cells.initialize(repeating: .blank(.plain), count: size.rows * size.columns)
        slotOfRow = Array(0..<size.rows)
        wrappedSlots = Array(repeating: false, count: size.rows)
        extentOfSlot = Array(repeating: 0, count: size.rows)
    }

    deinit {
        cells.deinitialize(count: rows * columns)
        cells.deallocate()
    }

    /// The cells of screen row `row` (0 at the top); valid until the next resize.
    @inline(__always)
    func line(_ row: Int) -> UnsafeMutablePointer<StoredCell> {
        cells + slotOfRow[row] * columns
    }

    /// Whether `row` was continued on the next row by autowrap.
    func isWrapped(row: Int) -> Bool {
        wrappedSlots[slotOfRow[row]]
    }

    func setWrapped(_ wrapped: Bool, row: Int) {
        wrappedSlots[slotOfRow[row]] = wrapped
    }

    /// One past the last column of `row` that may hold something other than a default blank.
    func extent(row: Int) -> Int {
        extentOfSlot[slotOfRow[row]]
    }

    /// Records that cells of `row` before `end` were written.
    @inline(__always)
    func noteWritten(row: Int, upTo end: Int) {
        let slot = slotOfRow[row]
        if extentOfSlot[slot] < end { extentOfSlot[slot] = end }
    }

    // MARK: Clusters

    func cluster(row: Int, column: Int) -> String? {
        clusters[slotOfRow[row] * columns + column]
    }

    func setCluster(_ text: String, row: Int, column: Int) {
        noteWritten(row: row, upTo: column + 1)
        clusters[slotOfRow[row] * columns + column] = text
        line(row)[column].hasCluster = true
    }

    // MARK: Writing

    /// Makes `column` of `row` safe to overwrite: drops its marks and blanks the other half of a wide pair.
    func prepareOverwrite(row: Int, column: Int) {
        let cells = line(row)
        let cell = cells[column]
        if cell.hasCluster { dropCluster(row: row, column: column) }
        if cell.width == 0, column > 0, cells[column - 1].width == 2 {
            blank(row: row, column: column - 1, style: cells[column - 1].style)
        } else if cell.width == 2, column + 1 < columns, cells[column + 1].width == 0 {
            blank(row: row, column: column + 1, style: cells[column + 1].style)
        }
    }

    /// Blanks `range` of `row` with `style`, also blanking the other half of a wide pair cut by an edge.
    func erase(row: Int, columns range: Range<Int>, style: PackedStyle) {
        let lower = max(range.lowerBound, 0)
        var upper = min(range.upperBound, columns)
        guard lower < upper else { return }
        let slot = slotOfRow[row]
        if lower == 0, upper == columns { wrappedSlots[slot] = false }
        let extent = extentOfSlot[slot]
        if style == .plain {
            // Cells from the extent on are default blanks already.
            upper = min(upper, extent)
            guard lower < upper else { return }
            if upper == extent { extentOfSlot[slot] = lower }
        } else if extent < upper {
            extentOfSlot[slot] = upper
        }
        let cells = line(row)
        if cells[lower].width == 0, lower > 0 { blank(row: row, column: lower - 1, style: cells[lower - 1].style) }
        if cells[upper - 1].width == 2, upper < columns { blank(row: row, column: upper, style: cells[upper].style) }
        if !clusters.isEmpty {
            for column in lower..<upper where cells[column].hasCluster { dropCluster(row: row, column: column) }
        }
        (cells + lower).update(repeating: .blank(style), count: upper - lower)
    }

    /// Blanks every row with `style`.
    func erase(allRowsWith style: PackedStyle) {
        for row in 0..<rows { erase(row: row, columns: 0..<columns, style: style) }
    }

    /// Fills every cell with `scalar` in the default style (DECALN).
    func fill(scalar: UInt32) {
        clusters.removeAll()
        wrappedSlots = Array(repeating: false, count: rows)
        extentOfSlot = Array(repeating: columns, count: rows)
        cells.update(repeating: StoredCell(scalar: scalar, style: .plain, width: 1, hasCluster: false), count: rows * columns)
    }

    /// Whether `row` holds only default-style spaces.
    func isBlank(row: Int) -> Bool {
        let cells = line(row)
        for column in 0..<extent(row: row) where !cells[column].isPlainBlank { return false }
        return true
    }

    // MARK: Scrolling

    /// Moves rows `top...bottom` up by `count`; the rows scrolled out come back blank at the bottom.
    func scrollUp(top: Int, bottom: Int, count: Int, fill: PackedStyle) {
        let count = min(count, bottom - top + 1)
        guard count > 0 else { return }
        if count == 1 {
            slotOfRow.withUnsafeMutableBufferPointer { slots in
                guard let base = slots.baseAddress else { return }
                let first = base[top]
                (base + top).update(from: base + top + 1, count: bottom - top)
                base[bottom] = first
            }
        } else {
            let recycled = Array(slotOfRow[top..<top + count])
            slotOfRow.removeSubrange(top..<top + count)
            slotOfRow.insert(contentsOf: recycled, at: bottom - count + 1)
        }
        for row in (bottom - count + 1)...bottom { erase(row: row, columns: 0..<columns, style: fill) }
    }

    /// Moves rows `top...bottom` down by `count`; the rows scrolled out come back blank at the top.
    func scrollDown(top: Int, bottom: Int, count: Int, fill: PackedStyle) {
        let count = min(count, bottom - top + 1)
        guard count > 0 else { return }
        let recycled = Array(slotOfRow[(bottom - count + 1)...bottom])
        slotOfRow.removeSubrange((bottom - count + 1)...bottom)
        slotOfRow.insert(contentsOf: recycled, at: top)
        for row in top..<top + count { erase(row: row, columns: 0..<columns, style: fill) }
    }

    // MARK: Inserting and deleting cells

    /// Inserts `count` blanks at `column` of `row`, shifting the rest right; cells pushed past the edge are lost (ICH).
    func insertCells(row: Int, column: Int, count: Int, fill: PackedStyle) {
        let count = min(count, columns - column)
        guard count > 0 else { return }
        let cells = line(row)
        noteWritten(row: row, upTo: columns)
        if cells[column].width == 0, column > 0 {
            // Splitting a wide character: both halves become blanks (the right one would move on alone).
            blank(row: row, column: column - 1, style: cells[column - 1].style)
            blank(row: row, column: column, style: cells[column].style)
        }
        moveClusters(row: row, keeping: column..<(columns - count), by: count, clearing: column..<columns)
        (cells + column + count).update(from: cells + column, count: columns - column - count)
        (cells + column).update(repeating: .blank(fill), count: count)
        if cells[columns - 1].width == 2 { blank(row: row, column: columns - 1, style: cells[columns - 1].style) }
    }

    /// Deletes `count` cells at `column` of `row`, shifting the rest left and blanking the end (DCH).
    func deleteCells(row: Int, column: Int, count: Int, fill: PackedStyle) {
        let count = min(count, columns - column)
        guard count > 0 else { return }
        let cells = line(row)
        noteWritten(row: row, upTo: columns)
        if cells[column].width == 0, column > 0 { blank(row: row, column: column - 1, style: cells[column - 1].style) }
        let end = column + count
        if end < columns, cells[end].width == 0 { blank(row: row, column: end, style: cells[end].style) }
        moveClusters(row: row, keeping: end..<columns, by: -count, clearing: column..<columns)
        (cells + column).update(from: cells + end, count: columns - end)
        (cells + columns - count).update(repeating: .blank(fill), count: count)
    }

    // MARK: Resizing

    /// Changes the size, keeping the top-left part of the content; a wide character cut at the new
    /// right edge becomes a blank.
    func resize(to size: TerminalSize) {
        let newColumns = size.columns
        let newRows = size.rows
        let newCells = UnsafeMutablePointer<StoredCell>.allocate(capacity: newRows * newColumns)
        newCells.initialize(repeating: .blank(.plain), count: newRows * newColumns)
        let keptColumns = min(columns, newColumns)
        var newClusters: [Int: String] = [:]
        var newWrapped = Array(repeating: false, count: newRows)
        var newExtents = Array(repeating: 0, count: newRows)
        for row in 0..<min(rows, newRows) {
            newWrapped[row] = isWrapped(row: row)
            newExtents[row] = min(extent(row: row), newColumns)
            let source = line(row)
            let target = newCells + row * newColumns
            target.update(from: source, count: keptColumns)
            if keptColumns < columns, target[keptColumns - 1].width == 2 {
                target[keptColumns - 1] = .blank(target[keptColumns - 1].style)
            }
            for column in 0..<keptColumns where target[column].hasCluster {
                if let text = cluster(row: row, column: column) {
                    newClusters[row * newColumns + column] = text
                } else {
                    target[column].hasCluster = false
                }
            }
        }
        cells.deinitialize(count: rows * columns)
        cells.deallocate()
        cells = newCells
        columns = newColumns
        rows = newRows
        slotOfRow = Array(0..<newRows)
        wrappedSlots = newWrapped
        extentOfSlot = newExtents
        clusters = newClusters
    }

    // MARK: Private

    private func blank(row: Int, column: Int, style: PackedStyle) {
        if line(row)[column].hasCluster { dropCluster(row: row, column: column) }
        line(row)[column] = .blank(style)
    }

    private func dropCluster(row: Int, column: Int) {
        clusters.removeValue(forKey: slotOfRow[row] * columns + column)
        line(row)[column].hasCluster = false
    }

    /// Re-keys the marks of `row` whose column lies in `keeping` by `delta` and drops the other marks
    /// in `clearing`, before the cells themselves are shifted.
    private func moveClusters(row: Int, keeping: Range<Int>, by delta: Int, clearing: Range<Int>) {
        guard !clusters.isEmpty else { return }
        let base = slotOfRow[row] * columns
        var moved: [Int: String] = [:]
        for column in clearing {
            guard let text = clusters.removeValue(forKey: base + column) else { continue }
            if keeping.contains(column) { moved[base + column + delta] = text }
        }
        clusters.merge(moved) { _, new in new }
    }
}
