import Terminal
import Testing

/// The same bytes fed whole, byte by byte and in random splits give the same terminal.
@Suite struct ChunkingPropertyTests {
    private func assertChunkingInvariant(_ bytes: [UInt8], columns: Int = 80, rows: Int = 24, seed: UInt64, sourceLocation: SourceLocation = #_sourceLocation) {
        let whole = TerminalEmulator(size: TerminalSize(columns: columns, rows: rows), scrollbackLimit: 5000)
        whole.feed(bytes)
        let byteByByte = TerminalEmulator(size: TerminalSize(columns: columns, rows: rows), scrollbackLimit: 5000)
        for byte in bytes { byteByByte.feed([byte]) }
        let random = TerminalEmulator(size: TerminalSize(columns: columns, rows: rows), scrollbackLimit: 5000)
        var generator = SeededGenerator(seed: seed)
        var start = 0
        while start < bytes.count {
            let end = min(bytes.count, start + Int.random(in: 1...64, using: &generator))
            random.feed(bytes[start..<end])
            start = end
        }
        let expected = whole.snapshot
        #expect(byteByByte.snapshot == expected, sourceLocation: sourceLocation)
        #expect(random.snapshot == expected, sourceLocation: sourceLocation)
    }

    @Test(arguments: ["fail-instsoft.log", "fail-partition.log", "no-fai-args.log", "no-nfsroot.log", "success-verbose.log", "success.log"])
    func fixtureLogs(name: String) throws {
        let bytes = try fixtureBytes(name)
        assertChunkingInvariant(bytes, seed: 1)
        assertChunkingInvariant(bytes, columns: 40, rows: 10, seed: 2)
    }

    @Test func everyFixtureIsCovered() throws {
        #expect(try fixtureNames().count == 6)
    }

    @Test func syntheticColourStream() {
        var generator = SeededGenerator(seed: 7)
        var text = ""
        for index in 0..<400 {
            let colour = 31 + index % 7
            text += "\u{1B}[\(colour)mGet:\(index)\u{1B}[0m http://deb.debian.org/debian bookworm/main pkg\(index) [\(Int.random(in: 1...999, using: &generator)) kB]"
            text += index % 5 == 0 ? "\u{1B}[38;2;\(index % 256);20;30m ✓ 漢字 é\u{0301}\u{1B}[m" : ""
            text += index % 11 == 0 ? "\u{1B}(0lqk\u{1B}(B\u{1B}[2K\u{1B}[1G50%\r" : ""
            text += index % 13 == 0 ? "\u{1B}]0;title \(index)\u{07}\u{1B}[?25l\u{1B}[3;20r\u{1B}[5;1H" : ""
            text += index % 17 == 0 ? "\u{1B}[r\u{1B}[?1049hfull\u{1B}[?1049l\u{1B}[2@\u{1B}[P\u{1B}[L\u{1B}[M" : ""
            text += "\r\n"
        }
        assertChunkingInvariant(Array(text.utf8), seed: 3)
        assertChunkingInvariant(Array(text.utf8), columns: 33, rows: 7, seed: 4)
    }

    @Test func randomBytes() {
        var generator = SeededGenerator(seed: 11)
        let alphabet: [UInt8] = Array("\u{1B}[;?0123456789mHJKr()0Bc]P\\\u{07}\r\n\t\u{08}abc".utf8) + [0xE2, 0x94, 0x80, 0xF0, 0x9F, 0x98, 0x80, 0xC3, 0xFF]
        let bytes = (0..<20_000).map { _ in alphabet.randomElement(using: &generator) ?? 0 }
        assertChunkingInvariant(bytes, columns: 20, rows: 6, seed: 5)
    }
}
