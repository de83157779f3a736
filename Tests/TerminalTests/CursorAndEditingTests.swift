import Terminal
import Testing

@Suite struct CursorAndEditingTests {
    @Test func cursorPositionIsOneBasedAndClamped() {
        let terminal = makeTerminal("\u{1B}[3;5H")
        #expect(terminal.cursor == CursorPosition(row: 2, column: 4))
        terminal.feed("\u{1B}[99;99H")
        #expect(terminal.cursor == CursorPosition(row: 4, column: 19))
        terminal.feed("\u{1B}[H")
        #expect(terminal.cursor == CursorPosition(row: 0, column: 0))
        terminal.feed("\u{1B}[2;3f")
        #expect(terminal.cursor == CursorPosition(row: 1, column: 2))
    }

    @Test func relativeMovesStopAtEdges() {
        let terminal = makeTerminal("\u{1B}[3;10H\u{1B}[2A")
        #expect(terminal.cursor == CursorPosition(row: 0, column: 9))
        terminal.feed("\u{1B}[9A\u{1B}[B\u{1B}[4C")
        #expect(terminal.cursor == CursorPosition(row: 1, column: 13))
        terminal.feed("\u{1B}[50D")
        #expect(terminal.cursor == CursorPosition(row: 1, column: 0))
        terminal.feed("\u{1B}[50C\u{1B}[50B")
        #expect(terminal.cursor == CursorPosition(row: 4, column: 19))
    }

    @Test func lineAndColumnAbsoluteMoves() {
        let terminal = makeTerminal("\u{1B}[3;10H\u{1B}[E")
        #expect(terminal.cursor == CursorPosition(row: 3, column: 0))
        terminal.feed("\u{1B}[5G")
        #expect(terminal.cursor.column == 4)
        terminal.feed("\u{1B}[2F")
        #expect(terminal.cursor == CursorPosition(row: 1, column: 0))
        terminal.feed("\u{1B}[7`\u{1B}[4d")
        #expect(terminal.cursor == CursorPosition(row: 3, column: 6))
    }

    @Test func backspaceAndCarriageReturn() {
        let terminal = makeTerminal("abc\u{08}\u{08}X\rY")
        #expect(terminal.screenText[0] == "YXc")
        #expect(terminal.cursor == CursorPosition(row: 0, column: 1))
    }

    @Test func eraseInLine() {
        let terminal = makeTerminal("abcdefgh\u{1B}[4G\u{1B}[K")
        #expect(terminal.screenText[0] == "abc")
        terminal.feed("\r0123456789\u{1B}[5G\u{1B}[1K")
        #expect(terminal.screenText[0] == "     56789")
        terminal.feed("\u{1B}[2K")
        #expect(terminal.screenText[0] == "")
    }

    @Test func eraseInDisplay() {
        let terminal = makeTerminal("11111\r\n22222\r\n33333\u{1B}[2;3H\u{1B}[J")
        #expect(terminal.screenText == ["11111", "22", "", "", ""])
        terminal.feed("\u{1B}[1;1H22222\r\n22222\r\n33333\u{1B}[2;3H\u{1B}[1J")
        #expect(terminal.screenText == ["", "   22", "33333", "", ""])
        terminal.feed("\u{1B}[2J")
        #expect(terminal.screenText == ["", "", "", "", ""])
        #expect(terminal.cursor == CursorPosition(row: 1, column: 2))
    }

    @Test func insertDeleteAndEraseCharacters() {
        let terminal = makeTerminal("abcdef\u{1B}[3G\u{1B}[2@")
        #expect(terminal.screenText[0] == "ab  cdef")
        terminal.feed("\u{1B}[3P")
        #expect(terminal.screenText[0] == "abdef")
        terminal.feed("\u{1B}[1G\u{1B}[2X")
        #expect(terminal.screenText[0] == "  def")
        #expect(terminal.cursor.column == 0)
    }

    @Test func insertCharactersPushesPastTheEdge() {
        let terminal = makeTerminal(columns: 5, rows: 2, "abcd\u{1B}[1G\u{1B}[3@")
        #expect(terminal.screenText[0] == "   ab")
    }

    @Test func insertAndDeleteLinesInsideTheRegion() {
        let terminal = makeTerminal("1\r\n2\r\n3\r\n4\r\n5\u{1B}[2;1H\u{1B}[L")
        #expect(terminal.screenText == ["1", "", "2", "3", "4"])
        terminal.feed("\u{1B}[2M")
        #expect(terminal.screenText == ["1", "3", "4", "", ""])
        #expect(terminal.scrollbackCount == 0)
    }

    @Test func saveAndRestoreCursorWithPen() {
        let terminal = makeTerminal("\u{1B}[2;4H\u{1B}[31m\u{1B}7\u{1B}[0m\u{1B}[5;1H\u{1B}8x")
        #expect(terminal.cursor == CursorPosition(row: 1, column: 4))
        #expect(terminal.cell(row: 1, column: 3).style.foreground == .named(.red))
    }

    @Test func tabsEveryEightColumnsAndTabClear() {
        let terminal = makeTerminal(columns: 30, rows: 2, "a\tb\tc")
        #expect(terminal.screenText[0] == "a       b       c")
        terminal.feed("\r\n\u{1B}[3g\u{1B}[5G\u{1B}H\r\tx\t")
        #expect(terminal.screenText[1] == "    x")
        #expect(terminal.cursor.column == 29)
        terminal.feed("\u{1B}[Z")
        #expect(terminal.cursor.column == 4)
    }
}
