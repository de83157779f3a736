import Terminal
import Testing

@Suite struct GraphicRenditionTests {
    private func style(_ sgr: String) -> CellStyle {
        makeTerminal("\u{1B}[\(sgr)mx").cell(row: 0, column: 0).style
    }

    @Test func attributesAndResets() {
        #expect(style("1;2;3;4;5;7;9").attributes == [.bold, .dim, .italic, .underline, .blink, .reverse, .strikethrough])
        #expect(style("1;4;22").attributes == [.underline])
        #expect(style("3;4;5;7;9;23;24;25;27;29").attributes == [])
        #expect(style("8").attributes == [.hidden])
        #expect(style("8;28").attributes == [])
        #expect(style("1;31;0") == .plain)
        #expect(style("1;31;") == .plain)
    }

    @Test func sixteenColours() {
        #expect(style("31;42") == CellStyle(foreground: .named(.red), background: .named(.green)))
        #expect(style("97;104") == CellStyle(foreground: .named(.brightWhite), background: .named(.brightBlue)))
        #expect(style("31;42;39;49") == .plain)
    }

    @Test func paletteAndTrueColour() {
        #expect(style("38;5;196").foreground == .indexed(196))
        #expect(style("38;5;3").foreground == .named(.yellow))
        #expect(style("48;5;17").background == .indexed(17))
        #expect(style("38;2;10;20;30;1").foreground == .rgb(red: 10, green: 20, blue: 30))
        #expect(style("38;2;10;20;30;1").attributes == [.bold])
        #expect(style("48;2;300;20;30").background == .rgb(red: 255, green: 20, blue: 30))
    }

    @Test func colonSubparameterForms() {
        #expect(style("38:2:1:2:3").foreground == .rgb(red: 1, green: 2, blue: 3))
        #expect(style("38:2::1:2:3;4").foreground == .rgb(red: 1, green: 2, blue: 3))
        #expect(style("38:2::1:2:3;4").attributes == [.underline])
        #expect(style("48:5:200").background == .indexed(200))
        #expect(style("4:3").attributes == [.underline])
        #expect(style("4;4:0").attributes == [])
    }

    @Test func erasedCellsTakeThePenBackground() {
        let terminal = makeTerminal("\u{1B}[44m\u{1B}[2K")
        #expect(terminal.cell(row: 0, column: 5).style == CellStyle(background: .named(.blue)))
    }
}
