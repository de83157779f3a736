import Terminal
import Testing

/// The divergences from real terminals found by comparing xsfai's console with tmux, pyte and
/// libvterm's screen layer (issue 11), each as the minimal stream on an 80x25 guest screen.
@Suite struct FidelityTests {
    private let escape = "\u{1B}"

    private func guestScreen(_ input: String) -> TerminalEmulator {
        makeTerminal(columns: 80, rows: 25, input)
    }

    private func at(_ row: Int, _ column: Int) -> CursorPosition {
        CursorPosition(row: row, column: column)
    }

    // 1. SCOSC/SCORC: libvterm reports one missing argument for a bare CSI.
    @Test func bareCSIsSavesAndCSIuRestoresTheCursor() {
        let terminal = guestScreen("\(escape)[5;5H\(escape)[s\(escape)[10;10H\(escape)[uX")
        #expect(terminal.cell(row: 4, column: 4).character == "X")
        #expect(terminal.cursor == at(4, 5))
        #expect(terminal.screenText[9].isEmpty)
    }

    // 2. SGR with more parameters than libvterm stores keeps every one of them.
    @Test func longSGRIsAppliedWhole() {
        let terminal = guestScreen("\(escape)[0;38;2;255;0;0;48;2;0;0;255;1;4;7mA")
        let style = terminal.cell(row: 0, column: 0).style
        #expect(style.attributes == [.bold, .underline, .reverse])
        #expect(style.foreground == .rgb(red: 255, green: 0, blue: 0))
        #expect(style.background == .rgb(red: 0, green: 0, blue: 255))
    }

    @Test func sgrBeyondSixteenParametersAndColonFormAcrossTheLimit() {
        // 20 parameters: the last four (after libvterm's 16) are read by the scanner.
        let terminal = guestScreen("\(escape)[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;1;3;9;38:2::1:2:3mA")
        let style = terminal.cell(row: 0, column: 0).style
        #expect(style.attributes == [.bold, .italic, .strikethrough])
        #expect(style.foreground == .rgb(red: 1, green: 2, blue: 3))
        // The 16th argument is followed by a colon: its sub-parameters are after libvterm's array.
        let colon = guestScreen("\(escape)[0;0;0;0;0;0;0;0;0;0;0;0;0;0;0;38:5:196;4mB")
        #expect(colon.cell(row: 0, column: 0).style.foreground == .palette(196))
        #expect(colon.cell(row: 0, column: 0).style.attributes == [.underline])
    }

    @Test func hostileArgumentCountsAreBoundedWithoutMerging() {
        let many = Array(repeating: "1", count: 10_000).joined(separator: ";")
        let terminal = guestScreen("\(escape)[\(many)mA\(escape)[0mB")
        #expect(terminal.screenText[0] == "AB")
        #expect(terminal.cell(row: 0, column: 0).style.attributes == [.bold])
        #expect(terminal.cell(row: 0, column: 1).style == .plain)
    }

    // 3. A pending wrap survives HT, EL, ICH, DCH and ECH.
    @Test(arguments: ["\t", "\u{1B}[K", "\u{1B}[@", "\u{1B}[P", "\u{1B}[X"])
    func pendingWrapSurvivesEditsThatDoNotMoveTheCursor(_ control: String) {
        let terminal = guestScreen(String(repeating: "x", count: 80) + control + "Y")
        #expect(terminal.cell(row: 1, column: 0).character == "Y")
        #expect(terminal.cursor == at(1, 1))
    }

    // 4. DECSC/DECRC leave autowrap alone.
    @Test func decscDoesNotSaveAutowrap() {
        let terminal = guestScreen("\(escape)[?7l\(escape)7\(escape)[?7h\(escape)8" + String(repeating: "x", count: 81))
        #expect(terminal.screenText[0] == String(repeating: "x", count: 80))
        #expect(terminal.screenText[1] == "x")
        #expect(terminal.cursor == at(1, 1))
    }

    // 5. Leaving the alternate screen restores the cursor even when it was not shown.
    @Test func leavingAlternateScreenRestoresTheCursorWhenNotOnIt() {
        let terminal = guestScreen("\(escape)[1;1H\(escape)7\(escape)[25;1Hbottom\(escape)[?1049l")
        #expect(terminal.cursor == at(0, 0))
        #expect(!terminal.isAlternateScreenActive)
    }

    @Test func dialogExitSequenceReturnsTheCursorToTheTop() {
        // smcup, the box, rmcup; then ncurses' endwin once more: cursor to the last row and rmcup
        // again, with the main screen already back. xterm restores the cursor saved by smcup.
        let terminal = guestScreen(
            "$ dialog\r\n\(escape)[?1049h\(escape)[22;0;0t\(escape)[1;25r\(escape)[H\(escape)[2J\(escape)[25;1Hbox"
                + "\(escape)[?1049l\(escape)[23;0;0t\r\(escape)[25;1H\(escape)[?1l\(escape)>\(escape)[?1049l")
        #expect(terminal.cursor == at(1, 0))
        #expect(terminal.screenText[0] == "$ dialog")
    }

    // 6. RIS on the alternate screen keeps the main screen that ?1049l returns to.
    @Test func resetOnAlternateScreenKeepsTheMainScreen() {
        let terminal = guestScreen("main text\(escape)[?1049halternate\(escape)c\(escape)[?1049l")
        #expect(terminal.screenText[0] == "main text")
        #expect(terminal.cursor == at(0, 9))
        #expect(terminal.scrollbackCount == 0)
    }

    // 7. C0 controls inside OSC and DCS strings are part of the string, not executed.
    @Test func controlsInsideStringsAreNotExecuted() {
        #expect(guestScreen("ab\(escape)]0;\r\u{07}X").screenText[0] == "abX")
        #expect(guestScreen("ab\(escape)Pq\r\n\(escape)\\X").screenText[0] == "abX")
        let titled = guestScreen("\(escape)]2;a\tb\u{07}")
        #expect(titled.title == "ab")
    }

    // 8. SOS, PM and APC payloads are swallowed.
    @Test(arguments: ["_", "^", "X"])
    func applicationStringsAreSwallowed(_ introducer: String) {
        let terminal = guestScreen("\(escape)\(introducer)hidden\(escape)\\X")
        #expect(terminal.screenText[0] == "X")
        #expect(terminal.cursor == at(0, 1))
    }

    @Test func anEscapeThatIsNotSTAbortsTheStringAndStartsASequence() {
        let terminal = guestScreen("\(escape)_hidden\(escape)[2CX")
        #expect(terminal.screenText[0] == "  X")
    }

    // 9. Insert mode (IRM) and REP.
    @Test func insertModeShiftsTheLine() {
        let terminal = guestScreen("abc\(escape)[1;1H\(escape)[4hX")
        #expect(terminal.screenText[0] == "Xabc")
        #expect(terminal.cursor == at(0, 1))
        terminal.feed("\(escape)[4lY")
        #expect(terminal.screenText[0] == "XYbc")
    }

    @Test func insertingInsideAWideCharacterBlanksBothHalves() {
        // Found by the differential test: the right half moved on alone and a later insert blanked
        // the character written before it.
        let terminal = guestScreen("\(escape)[4h\(escape)[1;46H-ok字\(escape)[1;50Héé")
        #expect(terminal.screenText[0] == String(repeating: " ", count: 45) + "-ok éé")
        #expect(terminal.cursor == at(0, 51))
    }

    @Test func repeatRepeatsTheLastCharacter() {
        let terminal = guestScreen("a\(escape)[3b")
        #expect(terminal.screenText[0] == "aaaa")
        #expect(terminal.cursor == at(0, 4))
        terminal.feed("\r\n\(escape)[5b")  // nothing to repeat after a control
        #expect(terminal.screenText[1].isEmpty)
        let bounded = guestScreen("é\(escape)[65535b")
        // At most a screenful (80x25) of repeats: 2,001 characters in all, one line scrolled off.
        #expect(bounded.allText.joined().count == 1 + 80 * 25)
    }

    // 10. Encoding edges.
    @Test func utf8EncodedC1ControlsAreControls() {
        // U+009B is CSI, U+0085 NEL, U+009D OSC … U+009C ST.
        let terminal = guestScreen("ab\u{9B}2Cc\u{85}d\u{9D}0;title\u{9C}e")
        #expect(terminal.screenText[0] == "ab  c")
        #expect(terminal.screenText[1] == "de")
        #expect(terminal.title == "title")
        // Split between the two bytes of the encoding.
        let split = makeTerminal(columns: 80, rows: 25)
        split.feed([0x61, 0xC2])
        split.feed([0x9B, 0x33, 0x43, 0x62, 0xC2])
        split.feed([0xA9])
        #expect(split.screenText[0] == "a   b©")
    }

    @Test(arguments: ["\u{1B}[38;5m", "\u{1B}[38;5;300m", "\u{1B}[48;5;300m", "\u{1B}[38:5:300m"])
    func malformedPaletteColoursAreIgnored(_ sequence: String) {
        let terminal = guestScreen("\(escape)[32;44m\(sequence)A")
        #expect(terminal.cell(row: 0, column: 0).style.foreground == .named(.green))
        #expect(terminal.cell(row: 0, column: 0).style.background == .named(.blue))
    }

    @Test func zeroWidthJoinerSequencesTakeOneEmojiWidth() {
        let family = "\u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}"
        let terminal = guestScreen("a\(family)b")
        #expect(terminal.cell(row: 0, column: 1).character == Character(family))
        #expect(terminal.cell(row: 0, column: 1).width == 2)
        #expect(terminal.cell(row: 0, column: 3).character == "b")
        #expect(terminal.cursor == at(0, 4))
        // Overwriting the emoji leaves no stale half.
        terminal.feed("\r\(escape)[2Cz")
        #expect(terminal.screenText[0] == "a zb")
    }
}
