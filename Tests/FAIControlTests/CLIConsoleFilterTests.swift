import FAIControl
import Foundation
import Testing

@Suite struct CLIConsoleFilterTests {
    let stream: [UInt8] = Array(
        "\u{1B}]0;title\u{07}\u{1B}[2J\u{1B}[1;31mFAILED\u{1B}[0m\r\n\u{1B}[6n\u{1B}(Bok\u{07}\u{1B}[?25ldone\n".utf8)

    @Test func keepsTextAndSGRDropsOtherSequences() {
        var filter = ConsoleOutputFilter()
        #expect(String(decoding: filter.filter(stream), as: UTF8.self) == "\u{1B}[1;31mFAILED\u{1B}[0m\r\nokdone\n")
    }

    @Test(arguments: [1, 2, 3, 7])
    func splitsGiveTheSameOutput(size: Int) {
        var whole = ConsoleOutputFilter()
        var split = ConsoleOutputFilter()
        var output: [UInt8] = []
        var index = 0
        while index < stream.count {
            output += split.filter(stream[index..<min(stream.count, index + size)])
            index += size
        }
        #expect(output == whole.filter(stream))
    }

    @Test func captureStampsEachLine() {
        var capture = TimestampedCapture()
        let time = Date(timeIntervalSince1970: 1_800_000_000.25)
        let bytes = capture.append(Array("a\nb".utf8), at: time) + capture.append(Array("c\n".utf8), at: time)
        #expect(String(decoding: bytes, as: UTF8.self) == "2027-01-15T08:00:00.250Z a\n2027-01-15T08:00:00.250Z bc\n")
    }
}

/// C1 controls (8-bit CSI, OSC, ST, DCS…) from the guest never reach the terminal, in UTF-8 or raw.
@Suite struct CLIConsoleFilterC1Tests {
    static func filtered(_ bytes: [UInt8], chunk: Int = .max) -> [UInt8] {
        var filter = ConsoleOutputFilter()
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            output += filter.filter(bytes[index..<min(bytes.count, index &+ chunk)])
            index = min(bytes.count, index &+ chunk)
        }
        return output
    }

    /// Whether a byte 0x80–0x9F appears other than as a continuation of a valid non-C1 character.
    static func holdsC1(_ bytes: [UInt8]) -> Bool {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.unicodeScalars.contains { (0x80...0x9F).contains($0.value) } || Array(text.utf8) != bytes
    }

    @Test func utf8C1ControlsAreDropped() {
        let stream = Array("a\u{90}dcs\u{9C}b\u{9B}2Jc\u{9D}0;title\u{9C}d\u{9E}\u{9F}e\u{85}f\n".utf8)
        #expect(String(decoding: Self.filtered(stream), as: UTF8.self) == "adcsb2Jc0;titledef\n")
    }

    @Test func rawC1BytesBecomeReplacementCharacters() {
        let stream: [UInt8] = [0x61, 0x9B, 0x32, 0x4A, 0x62, 0x9D, 0x30, 0x3B, 0x9C, 0x63, 0x0A]
        #expect(String(decoding: Self.filtered(stream), as: UTF8.self) == "a\u{FFFD}2Jb\u{FFFD}0;\u{FFFD}c\n")
    }

    @Test(arguments: [1, 2, 3, 5])
    func validTextWhoseContinuationBytesLookLikeC1IsKeptInEverySplit(chunk: Int) {
        let text = "€ Ü Û 🐧 ĝ ÿ é\n"  // E2 82 AC, C3 9C, C3 9B, F0 9F 90 A7, C4 9D, C3 BF, C3 A9
        #expect(Self.filtered(Array(text.utf8), chunk: chunk) == Array(text.utf8))
        let mixed = Array("x\u{9B}y€".utf8) + [0x9B, 0xC3] + Array("\nz".utf8)
        #expect(String(decoding: Self.filtered(mixed, chunk: chunk), as: UTF8.self) == "xy€\u{FFFD}\u{FFFD}\nz")
    }

    @Test func noByteSequenceLetsAC1ControlThrough() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let bytes = (0..<Int.random(in: 1...24, using: &generator)).map { _ in
                [UInt8(0x9B), 0xC2, 0x9D, 0xE2, 0x82, 0x1B, 0x5B, 0x41, 0xF0, 0x9F, 0x80, 0xBF].randomElement(using: &generator)!
            }
            let output = Self.filtered(bytes, chunk: Int.random(in: 1...5, using: &generator))
            #expect(!Self.holdsC1(output), "\(bytes)")
            #expect(!output.contains(0x1B) || String(decoding: output, as: UTF8.self).contains("\u{1B}["), "\(bytes)")
        }
    }
}
