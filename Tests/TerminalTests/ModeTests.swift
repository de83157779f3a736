import Terminal
import Testing

@Suite struct ModeTests {
    @Test func alternateScreenKeepsTheMainScreenAndAddsNoScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 3, "main\u{1B}[?1049h")
        #expect(terminal.isAlternateScreenActive)
        #expect(terminal.screenText == ["", "", ""])
        terminal.feed("1\r\n2\r\n3\r\n4\r\n5")
        #expect(terminal.screenText == ["3", "4", "5"])
        #expect(terminal.scrollbackCount == 0)
        terminal.feed("\u{1B}[?1049l")
        #expect(!terminal.isAlternateScreenActive)
        #expect(terminal.screenText == ["main", "", ""])
        #expect(terminal.cursor == CursorPosition(row: 0, column: 4))
        #expect(terminal.scrollbackCount == 0)
    }

    @Test func alternateScreen47KeepsItsContent() {
        let terminal = makeTerminal(columns: 10, rows: 2, "\u{1B}[?47halt\u{1B}[?47l\u{1B}[?47h")
        #expect(terminal.screenText[0] == "alt")
    }

    @Test func resetToInitialStateClearsScreenAndModesButKeepsHistory() {
        let terminal = makeTerminal(columns: 10, rows: 3, "boot\u{1B}]2;t\u{07}\u{1B}[?25l\u{1B}[31m\u{1B}[2;3r\u{1B}c")
        #expect(terminal.screenText == ["", "", ""])
        #expect(terminal.allText.first == "boot")
        #expect(terminal.cursor == CursorPosition(row: 0, column: 0))
        #expect(terminal.cursorVisible)
        #expect(terminal.title == "")
        terminal.feed("x\r\ny\r\nz\r\nw")
        #expect(terminal.screenText == ["y", "z", "w"])
        #expect(terminal.cell(row: 0, column: 0).style == .plain)
    }

    @Test func cursorVisibilityAndBracketedPaste() {
        let terminal = makeTerminal("\u{1B}[?25l\u{1B}[?2004h")
        #expect(!terminal.cursorVisible)
        #expect(terminal.bracketedPasteEnabled)
        terminal.feed("\u{1B}[?25h\u{1B}[?2004l")
        #expect(terminal.cursorVisible)
        #expect(!terminal.bracketedPasteEnabled)
    }

    @Test func deviceAttributesAndStatusReportsAreQueued() {
        let terminal = makeTerminal("\u{1B}[c\u{1B}[2;3H\u{1B}[6n\u{1B}[5n\u{1B}[>c")
        let replies = String(decoding: terminal.takeReplies(), as: UTF8.self)
        #expect(replies == "\u{1B}[?1;2c\u{1B}[2;3R\u{1B}[0n\u{1B}[>0;10;0c")
        #expect(terminal.takeReplies().isEmpty)
    }

    @Test func titleIsStoredAndOtherStringsAreSwallowed() {
        let terminal = makeTerminal("\u{1B}]0;install fai02\u{07}a\u{1B}]52;c;aGVsbG8=\u{1B}\\b\u{1B}P1$qm\u{1B}\\c\u{1B}]2;second\u{1B}\\")
        #expect(terminal.title == "second")
        #expect(terminal.screenText[0] == "abc")
        #expect(terminal.takeReplies().isEmpty)
    }

    @Test func bellIsCountedNotDrawn() {
        let terminal = makeTerminal("a\u{07}\u{07}\u{07}b")
        #expect(terminal.bellCount == 3)
        #expect(terminal.screenText[0] == "ab")
    }

    @Test func changeCounterMovesOnlyWithInput() {
        let terminal = makeTerminal()
        let before = terminal.changeCounter
        terminal.feed([UInt8]())
        #expect(terminal.changeCounter == before)
        terminal.feed("x")
        #expect(terminal.changeCounter != before)
    }

    @Test func titleSplitAcrossWritesIsKept() {
        let terminal = makeTerminal()
        for piece in ["\u{1B}]", "0;inst", "all fai", "02\u{1B}", "\\x"] { terminal.feed(piece) }
        #expect(terminal.title == "install fai02")
        #expect(terminal.screenText[0] == "x")
    }
}
