import Foundation
import FuzzSupport
import Terminal
import Testing

/// Seeded mutation fuzzing of the console emulator over the committed corpus (`Fixtures/fuzz` and
/// the FAI transcripts), fed in random chunk splits: after every chunk the cursor is on the screen,
/// the screen keeps its size, every line has the screen's width and the scrollback its limit.
/// Bounded: 4,000 mutants or 3 s per seed.
@Suite struct EmulatorFuzzTests {
    static func corpus() throws -> [[UInt8]] {
        let folder = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        var files = try FileManager.default.contentsOfDirectory(at: folder.appendingPathComponent("fuzz"), includingPropertiesForKeys: nil)
        files += try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "log" }
        // A transcript's first 4 KiB: whole ones make every mutant slow to feed.
        return try files.sorted { $0.path < $1.path }.map { Array(try Data(contentsOf: $0).prefix(4096)) }
    }

    static let tokens = [
        "\u{1B}[", "\u{1B}]", "\u{1B}P", "\u{1B}(0", "\u{1B}#8", "\u{1B}c", "\u{1B}[?1049h", "\u{1B}[?1049l", "\u{1B}[?6h",
        "\u{1B}[r", "\u{1B}[1;999r", "\u{1B}[999;999H", "\u{1B}[4294967296A", "\u{1B}[99999999@", "\u{1B}[38;2;", "\u{1B}[38:5:",
        ";", ":", "?", "\u{07}", "\u{1B}\\", "\u{9B}", "\u{9D}", "\u{9C}", "\u{200B}", "\u{0301}", "中", "😀", "\r\n", "\t", "\u{8}",
    ]

    static let size = TerminalSize(columns: 80, rows: 25)
    static let scrollbackLimit = 200

    /// Feeds `input` in pieces cut by `cuts`; a failure description or nil.
    static func check(_ input: [UInt8], cuts: inout SeededMutator) -> String? {
        let terminal = TerminalEmulator(size: size, scrollbackLimit: scrollbackLimit)
        var offset = 0
        while offset < input.count {
            let end = min(input.count, offset + 1 + cuts.below(97))
            terminal.feed(Array(input[offset..<end]))
            _ = terminal.takeReplies()
            offset = end
            if let broken = invariantBroken(terminal) { return "after \(end) bytes: \(broken)" }
        }
        return nil
    }

    static func invariantBroken(_ terminal: TerminalEmulator) -> String? {
        let cursor = terminal.cursor
        if terminal.size != size { return "size became \(terminal.size)" }
        if !(0..<size.rows).contains(cursor.row) || !(0..<size.columns).contains(cursor.column) { return "cursor \(cursor) off the screen" }
        if terminal.scrollbackCount > scrollbackLimit { return "scrollback \(terminal.scrollbackCount) over its limit" }
        if terminal.lineCount != terminal.scrollbackCount + size.rows { return "line count \(terminal.lineCount)" }
        for row in 0..<size.rows where terminal.screenLine(row).count != size.columns {
            return "row \(row) is \(terminal.screenLine(row).count) cells wide"
        }
        return nil
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func mutantsKeepTheScreenConsistent(seed: UInt64) throws {
        var cuts = SeededMutator(corpus: [[0]], tokens: [], seed: seed ^ 0xC075)
        let (ran, failure) = SeededMutator.run(
            corpus: try Self.corpus(), tokens: Self.tokens, seed: seed, iterations: 4_000, budget: .seconds(3)
        ) { Self.check($0, cuts: &cuts) }
        #expect(failure == nil, "\(failure ?? "")")
        #expect(ran >= 50, "only \(ran) mutants in the budget")
    }
}
