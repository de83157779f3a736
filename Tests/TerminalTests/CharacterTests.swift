import Terminal
import Testing

@Suite struct CharacterTests {
    @Test func utf8AcrossChunkBoundaries() {
        let terminal = makeTerminal()
        let bytes = Array("ü€😀".utf8)
        for byte in bytes { terminal.feed([byte]) }
        #expect(terminal.screenText[0] == "ü€😀")
        #expect(terminal.cursor.column == 4)
    }

    @Test func invalidBytesBecomeReplacementCharacters() {
        let terminal = makeTerminal()
        terminal.feed([0x61, 0xFF, 0x62, 0xE2, 0x82, 0x63, 0xC0, 0xAF])
        #expect(terminal.screenText[0] == "a\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}")
    }

    @Test func partialSequenceCutByAControlIsReplaced() {
        let terminal = makeTerminal()
        terminal.feed([0xE2, 0x94])
        terminal.feed("\r\nok")
        #expect(terminal.screenText[0] == "\u{FFFD}")
        #expect(terminal.screenText[1] == "ok")
    }

    @Test func wideCharactersTakeTwoCells() {
        let terminal = makeTerminal(columns: 10, rows: 2, "a漢b")
        #expect(terminal.cell(row: 0, column: 1).character == "漢")
        #expect(terminal.cell(row: 0, column: 1).width == 2)
        #expect(terminal.cell(row: 0, column: 2).isContinuation)
        #expect(terminal.cell(row: 0, column: 3).character == "b")
        #expect(terminal.cursor.column == 4)
    }

    @Test func wideCharacterAtTheLastColumnWraps() {
        let terminal = makeTerminal(columns: 5, rows: 2, "abcd漢")
        #expect(terminal.screenText == ["abcd", "漢"])
        #expect(terminal.cursor == CursorPosition(row: 1, column: 2))
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        let terminal = makeTerminal(columns: 10, rows: 2, "漢字\u{1B}[2Gx")
        #expect(terminal.screenText[0] == " x字")
        #expect(terminal.cell(row: 0, column: 0).width == 1)
        #expect(terminal.cell(row: 0, column: 2).width == 2)
    }

    @Test func combiningMarksJoinThePreviousCell() {
        let terminal = makeTerminal("e\u{0301}x")
        #expect(terminal.cell(row: 0, column: 0).character == "é")
        #expect(terminal.cell(row: 0, column: 1).character == "x")
        #expect(terminal.cursor.column == 2)
    }

    @Test func combiningMarkAfterAWideCharacterJoinsIt() {
        let terminal = makeTerminal("漢\u{0301}")
        #expect(terminal.cell(row: 0, column: 0).character == "漢\u{0301}")
        #expect(terminal.cell(row: 0, column: 1).isContinuation)
    }

    @Test func decSpecialGraphicsDrawsBoxes() {
        let terminal = makeTerminal("\u{1B}(0lqqk\u{1B}(B\r\n\u{1B})0x\u{0E}x\u{0F}x")
        #expect(terminal.screenText[0] == "┌──┐")
        #expect(terminal.screenText[1] == "x│x")
    }

    @Test func autowrapWithPendingWrap() {
        let terminal = makeTerminal(columns: 5, rows: 3, "abcde")
        #expect(terminal.cursor == CursorPosition(row: 0, column: 4))
        #expect(terminal.screenText == ["abcde", "", ""])
        terminal.feed("f")
        #expect(terminal.screenText == ["abcde", "f", ""])
        terminal.feed("\r\nghijk\r\n")
        #expect(terminal.screenText == ["f", "ghijk", ""])
        #expect(terminal.cursor == CursorPosition(row: 2, column: 0))
        #expect(terminal.isWrapped(line: 0))
        #expect(!terminal.isWrapped(line: 1))
        #expect(terminal.capturedText() == "abcdef\nghijk\n")
    }

    @Test func pendingWrapIsClearedByCursorMoves() {
        let terminal = makeTerminal(columns: 5, rows: 3, "abcde\u{1B}[1GX")
        #expect(terminal.screenText == ["Xbcde", "", ""])
    }

    @Test func autowrapOffOverwritesTheLastColumn() {
        let terminal = makeTerminal(columns: 5, rows: 2, "\u{1B}[?7labcdefgh")
        #expect(terminal.screenText == ["abcdh", ""])
        terminal.feed("\u{1B}[?7h\r\nabcdefg")
        #expect(terminal.allText == ["abcdh", "abcde", "fg"])
    }

    @Test func lineDrawingAndColourSurviveScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 2, "\u{1B}(0\u{1B}[32mqq\u{1B}(B\u{1B}[m漢\r\nb\r\nc")
        #expect(terminal.scrollbackCount == 1)
        let line = terminal.line(at: 0)
        #expect(line.map(\.character) == ["─", "─", "漢", " "])
        #expect(line[0].style.foreground == .named(.green))
        #expect(line[2].style == .plain)
        #expect(line[3].isContinuation)
    }
}
