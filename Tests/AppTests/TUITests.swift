import TUI
import Testing

@Suite struct TUITests {
    @Test func textInputEditsAtTheCursor() {
        var input = TextInput("fai")
        let keys: [Key] = [.left, .character("X")]
        #expect(keys.allSatisfy { input.apply($0) })
        #expect(input.text == "faXi")
        let more: [Key] = [.backspace, .home, .delete]
        #expect(more.allSatisfy { input.apply($0) })
        #expect(input.text == "ai")
        _ = input.apply(.paste("b\nc"))
        #expect(input.text == "bcai")
        let enterEdits = input.apply(.enter)
        #expect(!enterEdits)
        _ = input.apply(.control("u"))
        #expect(input.text == "")
    }

    @Test(arguments: [
        (ListPosition(selection: 0, offset: 0), 5, 10, 3, ListPosition(selection: 5, offset: 3)),
        (ListPosition(selection: 5, offset: 3), -5, 10, 3, ListPosition(selection: 0, offset: 0)),
        (ListPosition(selection: 8, offset: 7), 10, 10, 3, ListPosition(selection: 9, offset: 7)),
        (ListPosition(selection: 2, offset: 0), 1, 0, 3, ListPosition(selection: 0, offset: 0)),
    ])
    func listPositionKeepsTheSelectionVisible(start: ListPosition, delta: Int, count: Int, rows: Int, expected: ListPosition) {
        #expect(start.moved(by: delta, count: count, visibleRows: rows) == expected)
    }

    @Test func displayWidthCountsWideAndCombiningCharacters() {
        #expect("abc".displayWidth == 3)
        #expect("数据库".displayWidth == 6)
        #expect("e\u{301}".displayWidth == 1)
        #expect("Übung-数据库".truncated(toWidth: 8) == "Übung-…")
        #expect("ab".padded(toWidth: 4) == "ab  ")
    }

    @Test func controlCharactersInNamesAreDrawnAsVisibleEscapes() {
        var canvas = Canvas(width: 20, height: 1)
        canvas.write("a\u{1b}]52;c\u{07}b\u{7f}", at: Point(x: 0, y: 0))
        #expect(canvas.lines == ["a\\e]52;c\\x07b\\x7f"])
        var c1 = Canvas(width: 12, height: 1)
        c1.write("a\u{9b}b\tc\n", at: Point(x: 0, y: 0))
        #expect(c1.lines == ["a\\x9bb\\tc\\n"])
        #expect("a\u{1b}[2J".displayWidth == 6)
        #expect("a\u{1b}[2Jxyz".truncated(toWidth: 7) == "a\u{1b}[2J…")
    }

    @Test func tableViewHighlightsTheSelectedRowAndCutsLongCells() {
        var canvas = Canvas(width: 20, height: 3)
        let table = TableView(
            columns: [TableColumn("NAME", width: .flexible(minimum: 5)), TableColumn("ST", width: .fixed(3))],
            rows: [TableRow(["a-very-long-name", "ok"]), TableRow(["b", "no"])],
            position: ListPosition(selection: 1, offset: 0))
        table.render(into: &canvas, area: canvas.bounds)
        #expect(canvas.lines == ["NAME             ST", "a-very-long-name ok", "b                no"])
        #expect(canvas[0, 2].role == .selection)
        #expect(canvas[0, 1].role == .normal)
    }
    @Test func tableViewBuiltFromTheVisibleWindowDrawsLikeTheWholeList() {
        let columns = [TableColumn("NAME", width: .flexible(minimum: 5)), TableColumn("N", width: .fixed(4))]
        let all = (0..<2_000).map { TableRow(["vm-\($0)", "\($0)"]) }
        for position in [ListPosition(selection: 0), ListPosition(selection: 1_234, offset: 1_200), ListPosition(selection: 1_999, offset: 5)] {
            let window = TableView.visibleRange(count: all.count, position: position, height: 6)
            #expect(window.count == 5)
            #expect(window.contains(position.selection))
            var whole = Canvas(width: 20, height: 6)
            TableView(columns: columns, rows: all, position: position).render(into: &whole, area: whole.bounds)
            var windowed = Canvas(width: 20, height: 6)
            TableView(columns: columns, rowCount: all.count, visibleRows: Array(all[window]), position: position, height: 6)
                .render(into: &windowed, area: windowed.bounds)
            #expect(windowed == whole)
        }
        #expect(TableView.visibleRange(count: 0, position: ListPosition(), height: 6).isEmpty)
    }
}
