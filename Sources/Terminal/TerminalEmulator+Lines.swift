extension TerminalEmulator {
    /// Lines in scrollback (the oldest is absolute line 0).
    public var scrollbackCount: Int { isAlternateScreenActive ? 0 : scrollback.count }

    /// Scrollback plus screen lines: absolute indexes run from 0 to `lineCount - 1`.
    /// While the alternate screen is shown, only its rows are lines (as in xterm).
    public var lineCount: Int { scrollbackCount + rows }

    /// The cells of visible screen row `row` (0 at the top), exactly `size.columns` of them;
    /// empty for a row outside the screen.
    public func screenLine(_ row: Int) -> [Cell] {
        guard row >= 0, row < rows else { return [] }
        let cells = grid.line(row)
        var result: [Cell] = []
        result.reserveCapacity(columns)
        var lastStyle = PackedStyle.plain
        var style = CellStyle.plain
        for column in 0..<columns {
            let stored = cells[column]
            if stored.style != lastStyle {
                lastStyle = stored.style
                style = stored.style.style
            }
            var character = Character(Unicode.Scalar(stored.scalar) ?? "\u{FFFD}")
            if stored.hasCluster, let text = grid.cluster(row: row, column: column) {
                character = ScrollbackStore.character(text, fallback: character)
            }
            result.append(Cell(character: character, width: Int(stored.width), style: style))
        }
        return result
    }

    /// The cells of absolute line `index`: 0 is the oldest scrollback line, `scrollbackCount` the top
    /// screen row. Scrollback lines have their trailing default blanks trimmed (and keep the width they
    /// had when they scrolled off); screen lines are full width. Empty for an index out of range.
    public func line(at index: Int) -> [Cell] {
        guard index >= 0 else { return [] }
        if index < scrollbackCount { return scrollback.cells(index) }
        return screenLine(index - scrollbackCount)
    }

    /// The text of absolute line `index`, trailing blanks trimmed, the right halves of wide characters
    /// left out.
    public func text(ofLine index: Int) -> String {
        var text = untrimmedText(ofLine: index)
        while text.last == " " { text.removeLast() }
        return text
    }

    private func untrimmedText(ofLine index: Int) -> String {
        var text = ""
        for cell in line(at: index) where !cell.isContinuation { text.append(cell.character) }
        return text
    }

    /// Whether absolute line `index` was continued on the next line by autowrap (a long line).
    public func isWrapped(line index: Int) -> Bool {
        guard index >= 0 else { return false }
        if index < scrollbackCount { return scrollback.isWrapped(index) }
        let row = index - scrollbackCount
        return row < rows && grid.isWrapped(row: row)
    }

    /// The whole capture (scrollback then screen) as text for saving to a file: one line per logical
    /// line (autowrapped pieces joined back), trailing empty lines left out.
    public func capturedText() -> String {
        var lines: [String] = []
        var current = ""
        for index in 0..<lineCount {
            if isWrapped(line: index) {
                current += untrimmedText(ofLine: index)
            } else {
                lines.append(current + text(ofLine: index))
                current = ""
            }
        }
        if !current.isEmpty { lines.append(current) }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n"
    }
}
