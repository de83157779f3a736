import Terminal
import Testing

@Suite struct ScrollingTests {
    @Test func linesScrolledOffTheTopGoToScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 3, "1\r\n2\r\n3\r\n4\r\n5")
        #expect(terminal.scrollbackCount == 2)
        #expect(terminal.allText == ["1", "2", "3", "4", "5"])
        #expect(terminal.screenText == ["3", "4", "5"])
    }

    @Test func scrollbackLimitDropsTheOldestLines() {
        let terminal = makeTerminal(columns: 10, rows: 2, scrollbackLimit: 3)
        for number in 1...10 { terminal.feed("\(number)\r\n") }
        #expect(terminal.scrollbackCount == 3)
        #expect(terminal.allText == ["7", "8", "9", "10", ""])
        #expect(terminal.droppedLineCount == 6)
    }

    @Test func scrollRegionMovesOnlyItsRows() {
        let terminal = makeTerminal(columns: 10, rows: 5, "r1\r\nr2\r\nr3\r\nr4\r\nr5\u{1B}[2;4r\u{1B}[4;1H\nnew")
        #expect(terminal.screenText == ["r1", "r3", "r4", "new", "r5"])
        #expect(terminal.allText.first == "r2")
        #expect(terminal.scrollbackCount == 1)
    }

    @Test func regionStartingBelowTheTopStillFeedsScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 4, "logo\u{1B}[2;0r")
        for number in 1...6 { terminal.feed("\u{1B}[4;1H\nline\(number)") }
        #expect(terminal.screenText == ["logo", "line4", "line5", "line6"])
        #expect(terminal.allText == ["", "", "", "line1", "line2", "line3", "logo", "line4", "line5", "line6"])
    }

    @Test func reverseIndexScrollsDownAtTheTop() {
        let terminal = makeTerminal(columns: 10, rows: 3, "a\r\nb\r\nc\u{1B}[H\u{1B}M")
        #expect(terminal.screenText == ["", "a", "b"])
        #expect(terminal.scrollbackCount == 0)
    }

    @Test func scrollUpAndDownSequences() {
        let terminal = makeTerminal(columns: 10, rows: 3, "a\r\nb\r\nc\u{1B}[2S")
        #expect(terminal.screenText == ["c", "", ""])
        #expect(terminal.allText.prefix(2) == ["a", "b"])
        terminal.feed("\u{1B}[T")
        #expect(terminal.screenText == ["", "c", ""])
    }

    @Test func hugeScrollCountsAreBounded() {
        let terminal = makeTerminal(columns: 10, rows: 3, "a\r\nb\r\nc\u{1B}[999999999S\u{1B}[99999T")
        #expect(terminal.screenText == ["", "", ""])
        #expect(terminal.scrollbackCount == 3)
    }

    @Test func originModeAddressesInsideTheRegion() {
        let terminal = makeTerminal(columns: 10, rows: 6, "\u{1B}[3;5r\u{1B}[?6h\u{1B}[1;1Hx\u{1B}[9;1Hy\u{1B}[6n")
        #expect(terminal.screenText[2] == "x")
        #expect(terminal.screenText[4] == "y")
        #expect(String(decoding: terminal.takeReplies(), as: UTF8.self) == "\u{1B}[3;2R")
    }

    @Test func eraseDisplayKeepsTheClearedLinesInScrollback() {
        let terminal = makeTerminal(columns: 10, rows: 3, "boot\r\nlog\u{1B}[H\u{1B}[2J\u{1B}[3Jafter")
        #expect(terminal.allText == ["boot", "log", "after", "", ""])
    }

    @Test func marksAndColoursSurviveScrollbackAndEviction() {
        let terminal = makeTerminal(columns: 10, rows: 2, scrollbackLimit: 3)
        for number in 0..<10 { terminal.feed("\u{1B}[3\(number % 8)me\u{0301}\(number)漢\u{1B}[m\r\n") }
        #expect(terminal.allText == ["e\u{0301}6漢", "e\u{0301}7漢", "e\u{0301}8漢", "e\u{0301}9漢", ""])
        let oldest = terminal.line(at: 0)
        #expect(oldest.map(\.width) == [1, 1, 2, 0])
        #expect(oldest[0].character == "e\u{0301}")
        #expect(oldest[0].style.foreground == .named(.cyan))
        #expect(oldest[2].style.foreground == .named(.cyan))
        #expect(terminal.line(at: 2)[0].style.foreground == .named(.black))
        #expect(terminal.droppedLineCount == 6)
    }

    @Test func zeroScrollbackKeepsOnlyTheScreen() {
        let terminal = makeTerminal(columns: 10, rows: 2, scrollbackLimit: 0, "a\r\nb\r\nc")
        #expect(terminal.allText == ["b", "c"])
        #expect(terminal.droppedLineCount == 1)
    }
}
