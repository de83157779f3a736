import Terminal
import Testing

@Suite struct HostileInputTests {
    private func expectCursorInBounds(_ terminal: TerminalEmulator, sourceLocation: SourceLocation = #_sourceLocation) {
        let cursor = terminal.cursor
        let size = terminal.size
        #expect((0..<size.rows).contains(cursor.row), sourceLocation: sourceLocation)
        #expect((0..<size.columns).contains(cursor.column), sourceLocation: sourceLocation)
    }

    @Test func hugeParametersAreClamped() {
        let terminal = makeTerminal("\u{1B}[99999999999999999999;99999999999999999999H\u{1B}[4294967296A\u{1B}[99999999999@x\u{1B}[99999999L\u{1B}[999999999X")
        expectCursorInBounds(terminal)
        terminal.feed("\u{1B}[" + String(repeating: "1;", count: 10_000) + "m ok")
        terminal.feed("\u{1B}[38" + String(repeating: ":2", count: 5_000) + "m")
        for _ in 0..<100 { terminal.feed("\u{1B}[1;2;3;4;5;6;7;8;9;") }
        terminal.feed("H\u{1B}[" + String(repeating: "?", count: 5_000) + String(repeating: "!", count: 5_000) + "p")
        terminal.feed("\u{1B}" + String(repeating: "(", count: 5_000) + "0")
        expectCursorInBounds(terminal)
        terminal.feed("\u{1B}(B\u{1B}[H\u{1B}[2Kok")
        #expect(terminal.screenText[0] == "ok")
    }

    @Test func endlessOscStringIsSwallowedAndBounded() {
        let terminal = makeTerminal()
        terminal.feed("\u{1B}]0;")
        let chunk = [UInt8](repeating: UInt8(ascii: "A"), count: 65_536)
        for _ in 0..<64 { terminal.feed(chunk) }
        terminal.feed("\u{07}after")
        #expect(terminal.screenText[0] == "after")
        #expect(terminal.title.count <= 256)
    }

    @Test func endlessOscInOneWriteIsBounded() {
        let terminal = makeTerminal()
        terminal.feed(Array("\u{1B}]2;".utf8) + [UInt8](repeating: UInt8(ascii: "B"), count: 1_000_000) + Array("\u{07}x".utf8))
        #expect(terminal.title.count <= 256)
        #expect(terminal.screenText[0] == "x")
    }

    @Test func repliesAreBoundedWhenNeverTaken() {
        let terminal = makeTerminal()
        for _ in 0..<10_000 { terminal.feed("\u{1B}[6n\u{1B}[c") }
        #expect(terminal.takeReplies().count <= 4096)
    }

    @Test func combiningMarksPerCellAreBounded() {
        let terminal = makeTerminal("a" + String(repeating: "\u{0301}", count: 10_000))
        #expect(terminal.cell(row: 0, column: 0).character.unicodeScalars.count <= 16)
    }

    @Test func randomBytesNeverCrashOrEscapeTheScreen() {
        var generator = SeededGenerator(seed: 42)
        for size in [TerminalSize(columns: 1, rows: 1), TerminalSize(columns: 2, rows: 3), TerminalSize(columns: 80, rows: 24)] {
            let terminal = TerminalEmulator(size: size, scrollbackLimit: 100)
            for _ in 0..<300 {
                let bytes = (0..<Int.random(in: 1...200, using: &generator)).map { _ in
                    Bool.random(using: &generator)
                        ? UInt8.random(in: 0...255, using: &generator)
                        : Array("\u{1B}[;?0123456789ABCDHJKLMPSTX@rmhl".utf8).randomElement(using: &generator) ?? 0
                }
                terminal.feed(bytes)
                expectCursorInBounds(terminal)
                if Int.random(in: 0..<20, using: &generator) == 0 {
                    terminal.resize(TerminalSize(columns: Int.random(in: 1...30, using: &generator), rows: Int.random(in: 1...10, using: &generator)))
                    expectCursorInBounds(terminal)
                }
            }
            for index in 0..<terminal.lineCount { _ = terminal.text(ofLine: index) }
        }
    }

    @Test func outOfRangeLineRequestsAreEmpty() {
        let terminal = makeTerminal()
        #expect(terminal.screenLine(-1).isEmpty)
        #expect(terminal.screenLine(99).isEmpty)
        #expect(terminal.line(at: -5).isEmpty)
        #expect(terminal.line(at: 10_000).isEmpty)
        #expect(terminal.text(ofLine: 10_000) == "")
    }
}
