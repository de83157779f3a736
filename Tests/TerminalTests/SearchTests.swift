import Terminal
import Testing

@Suite struct SearchTests {
    @Test func findsMatchesInScrollbackAndScreen() {
        let terminal = makeTerminal(columns: 30, rows: 2, "Get:1 libc6\r\nerror: oops\r\nlibc6 again libc6\r\nend")
        let matches = terminal.search("libc6", caseSensitive: true)
        #expect(matches == [
            SearchMatch(line: 0, columns: 6..<11),
            SearchMatch(line: 2, columns: 0..<5),
            SearchMatch(line: 2, columns: 12..<17),
        ])
    }

    @Test func caseInsensitiveSearch() {
        let terminal = makeTerminal(columns: 30, rows: 3, "ERROR here\r\nan Error\r\nnone")
        #expect(terminal.search("error", caseSensitive: false).map(\.line) == [0, 1])
        #expect(terminal.search("error", caseSensitive: true).isEmpty)
    }

    @Test func columnsCountWideCharacters() {
        let terminal = makeTerminal(columns: 30, rows: 1, "漢字 FAI")
        #expect(terminal.search("FAI", caseSensitive: true) == [SearchMatch(line: 0, columns: 5..<8)])
        #expect(terminal.search("字", caseSensitive: true) == [SearchMatch(line: 0, columns: 2..<4)])
    }

    @Test func emptyNeedleMatchesNothing() {
        #expect(makeTerminal("abc").search("", caseSensitive: false).isEmpty)
    }
}
