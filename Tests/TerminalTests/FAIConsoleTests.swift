import Terminal
import Testing

/// The FAI red-logo sequence (`ESC c`, banner, `ESC[7;0r`, `ESC[9B`) must not lose any console line.
@Suite struct FAIConsoleTests {
    /// The log's lines as an operator reads them: escape sequences removed, CR LF split, blanks trimmed.
    private func expectedLines(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let withoutEscapes = text.replacing(/\x1B(\[[0-9;?]*[A-Za-z]|c|\([0B])/, with: "")
        return withoutEscapes.split(separator: "\r\n", omittingEmptySubsequences: false)
            .map { String($0).replacing(/\x07/, with: "") }
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .filter { !$0.isEmpty }
    }

    @Test(arguments: [(80, 24), (200, 50), (120, 40)])
    func redLogoKeepsEveryLine(columns: Int, rows: Int) throws {
        let bytes = try fixtureBytes("fail-instsoft.log")
        #expect(bytes.contains(0x1B))
        let terminal = TerminalEmulator(size: TerminalSize(columns: columns, rows: rows))
        terminal.feed(bytes)
        let captured = terminal.capturedText().split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        let expected = expectedLines(bytes)
        #expect(expected.count > 150)
        let missing = expected.filter { !captured.contains($0) }
        #expect(missing.isEmpty, "\(missing.count) lines missing, first: \(missing.first ?? "")")
        // Everything after the logo comes out in order, below the scrollback's boot lines.
        let afterLogo = expected.drop { !$0.hasPrefix("Calling task_confdir") }
        let capturedAfterLogo = captured.filter { afterLogo.contains($0) }
        #expect(Array(capturedAfterLogo.drop { !$0.hasPrefix("Calling task_confdir") }).starts(with: afterLogo.dropFirst(0).prefix(20)))
    }

    @Test func logoStaysPinnedWhileOutputScrolls() throws {
        let terminal = TerminalEmulator(size: TerminalSize(columns: 80, rows: 24))
        terminal.feed(try fixtureBytes("fail-instsoft.log"))
        #expect(terminal.screenText[1].contains("Fully Automatic Installation"))
        #expect(terminal.cell(row: 1, column: 19).style.foreground == .named(.red))
        #expect(terminal.cell(row: 1, column: 19).style.attributes.contains(.bold))
        #expect(terminal.screenText.last { !$0.isEmpty }?.isEmpty == false)
    }
}
