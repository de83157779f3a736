import Foundation
import Terminal

/// Builds an emulator of `columns` x `rows` and feeds it `input`.
func makeTerminal(columns: Int = 20, rows: Int = 5, scrollbackLimit: Int = 1000, _ input: String = "") -> TerminalEmulator {
    let terminal = TerminalEmulator(size: TerminalSize(columns: columns, rows: rows), scrollbackLimit: scrollbackLimit)
    terminal.feed(input)
    return terminal
}

extension TerminalEmulator {
    /// The visible rows as text, trailing blanks trimmed.
    var screenText: [String] {
        (0..<size.rows).map { text(ofLine: scrollbackCount + $0) }
    }

    /// Every line, scrollback then screen, as text.
    var allText: [String] {
        (0..<lineCount).map { text(ofLine: $0) }
    }

    /// The cell at a screen position.
    func cell(row: Int, column: Int) -> Cell {
        screenLine(row)[column]
    }

    /// Everything observable, for comparing two emulators.
    var snapshot: TerminalSnapshot {
        TerminalSnapshot(
            lines: (0..<lineCount).map { line(at: $0) },
            cursor: cursor,
            cursorVisible: cursorVisible,
            title: title,
            alternate: isAlternateScreenActive,
            scrollbackCount: scrollbackCount
        )
    }
}

/// Observable emulator state.
struct TerminalSnapshot: Equatable {
    var lines: [[Cell]]
    var cursor: CursorPosition
    var cursorVisible: Bool
    var title: String
    var alternate: Bool
    var scrollbackCount: Int
}

/// The bytes of a fixture log copied from /work/shared/fixtures/fai.
func fixtureBytes(_ name: String) throws -> [UInt8] {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureMissing(name: name)
    }
    return Array(try Data(contentsOf: folder.appendingPathComponent(name)))
}

/// All fixture log names.
func fixtureNames() throws -> [String] {
    guard let folder = Bundle.module.url(forResource: "Fixtures", withExtension: nil) else {
        throw FixtureMissing(name: "Fixtures")
    }
    return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".log") }.sorted()
}

struct FixtureMissing: Error {
    var name: String
}

/// A small deterministic generator (SplitMix64) so random tests are repeatable.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
