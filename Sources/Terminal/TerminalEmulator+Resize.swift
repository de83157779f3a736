extension TerminalEmulator {
    /// Changes the screen size (clamped to 1...4096 each way). Content keeps its top-left position
    /// (no reflow); when rows shrink below the cursor, the top lines move to scrollback so the cursor's
    /// line stays visible. The scroll region resets to the full screen.
    public func resize(_ size: TerminalSize) {
        let size = size.clamped
        changeCounter &+= 1
        guard size != self.size else { return }
        flushPendingText()
        let excess = cursorRow - (size.rows - 1)
        if excess > 0 {
            if !isAlternateScreenActive {
                for row in 0..<excess { archive(row: row) }
            }
            grid.scrollUp(top: 0, bottom: rows - 1, count: excess, fill: .plain)
            cursorRow -= excess
        }
        mainGrid.resize(to: size)
        alternateGrid.resize(to: size)
        let oldStops = tabStops
        tabStops = Self.defaultTabStops(columns: size.columns)
        for column in 0..<min(oldStops.count, size.columns) { tabStops[column] = oldStops[column] }
        scrollTop = 0
        scrollBottom = size.rows - 1
        cursorRow = min(cursorRow, size.rows - 1)
        cursorColumn = min(cursorColumn, size.columns - 1)
        pendingWrap = false
    }
}
