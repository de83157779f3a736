extension TerminalEmulator {
    /// Scrolls the region up by `count` lines; on the main screen the lines leaving the region's top
    /// go to scrollback whatever the region's top row is (see the type's scrollback policy).
    func scrollRegionUp(_ count: Int) {
        let count = min(count, scrollBottom - scrollTop + 1)
        guard count > 0 else { return }
        if !isAlternateScreenActive {
            for row in scrollTop..<scrollTop + count { archive(row: row) }
        }
        grid.scrollUp(top: scrollTop, bottom: scrollBottom, count: count, fill: pen.erased)
    }

    /// Scrolls the region down by `count` lines; lines leaving the bottom are lost.
    func scrollRegionDown(_ count: Int) {
        grid.scrollDown(top: scrollTop, bottom: scrollBottom, count: count, fill: pen.erased)
    }

    /// Moves the main screen's lines, up to the last non-blank one, to scrollback before a full clear.
    func archiveScreenForClear() {
        guard !isAlternateScreenActive else { return }
        var last = rows - 1
        while last >= 0, grid.isBlank(row: last) { last -= 1 }
        guard last >= 0 else { return }
        for row in 0...last { archive(row: row) }
    }

    /// Appends screen row `row` of the current grid to scrollback.
    func archive(row: Int) {
        let grid = self.grid
        let dropped = scrollback.append(cells: grid.line(row), count: grid.extent(row: row), wrapped: grid.isWrapped(row: row)) {
            grid.cluster(row: row, column: $0)
        }
        if dropped { droppedLineCount &+= 1 }
    }
}
