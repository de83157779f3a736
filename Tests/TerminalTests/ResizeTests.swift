import Terminal
import Testing

@Suite struct ResizeTests {
    @Test func shrinkingBelowTheCursorMovesTopLinesToScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 5, "1\r\n2\r\n3\r\n4\r\n5")
        terminal.resize(TerminalSize(columns: 4, rows: 2))
        #expect(terminal.screenText == ["4", "5"])
        #expect(terminal.allText == ["1", "2", "3", "4", "5"])
        #expect(terminal.cursor == CursorPosition(row: 1, column: 1))
    }

    @Test func growingKeepsContentAndCursor() {
        let terminal = makeTerminal(columns: 5, rows: 2, "ab\r\ncd")
        terminal.resize(TerminalSize(columns: 30, rows: 6))
        #expect(terminal.screenText == ["ab", "cd", "", "", "", ""])
        #expect(terminal.cursor == CursorPosition(row: 1, column: 2))
        #expect(terminal.screenLine(0).count == 30)
        terminal.feed("\u{1B}[6;30Hz")
        #expect(terminal.screenText[5] == String(repeating: " ", count: 29) + "z")
    }

    @Test func narrowingCutsAWideCharacterCleanly() {
        let terminal = makeTerminal(columns: 6, rows: 2, "ab漢")
        terminal.resize(TerminalSize(columns: 3, rows: 2))
        #expect(terminal.screenText[0] == "ab")
        #expect(terminal.cell(row: 0, column: 2).width == 1)
    }

    @Test func degenerateSizesAreClamped() {
        let terminal = makeTerminal(columns: 0, rows: -3, "hello\r\nworld")
        #expect(terminal.size == TerminalSize(columns: 1, rows: 1))
        #expect(terminal.cursor == CursorPosition(row: 0, column: 0))
        terminal.feed("漢")
        #expect(terminal.screenText == ["\u{FFFD}"])
    }
}
