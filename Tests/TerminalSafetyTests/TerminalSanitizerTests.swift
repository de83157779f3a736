import Testing
import TerminalSafety

@Suite struct TerminalSanitizerTests {
    /// Every byte a terminal may act on: C0 (but tab/newline), ESC, DEL, and C1 in both encodings.
    static func actionableBytes(in text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        var found: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            switch byte {
            case 0x09, 0x0A: continue
            case 0x00...0x1F, 0x7F: found.append(byte)
            case 0x80...0x9F where index > 0 && bytes[index - 1] == 0xC2: found.append(byte)
            default: continue
            }
        }
        return found
    }

    @Test func showsEscapesOfTitleClipboardAndScreenSequences() {
        let name = "web\u{1B}]0;owned\u{07}\u{1B}]52;c;ZWNobyBoaQ==\u{07}\u{1B}[2J\u{9B}31m\u{9D}x\u{7F}"
        let shown = name.terminalSafe
        #expect(shown == "web\\e]0;owned\\x07\\e]52;c;ZWNobyBoaQ==\\x07\\e[2J\\x9b31m\\x9dx\\x7f")
        #expect(Self.actionableBytes(in: shown).isEmpty)
    }

    @Test func keepsPlainTextTabsNewlinesAndNonASCII() {
        let text = "FAI Squeeze 64\tdebian\nÜberprüfung €5 — 日本"
        #expect(text.terminalSafe == text)
        #expect(TerminalSanitizer.isSafe(text))
    }

    @Test func oneLineFormShowsTabNewlineAndCarriageReturn() {
        #expect("a\tb\nc\rd".terminalSafeLine == "a\\tb\\nc\\rd")
        #expect("a\rb".terminalSafe == "a\\rb")
    }

    @Test func rawBytesStrayC1IsHexInvalidUTF8IsReplacementCharacter() {
        let bytes: [UInt8] = [0x61, 0x9B, 0x32, 0x4A, 0xFF, 0xC3, 0xA9, 0xC2, 0x9D, 0xE2, 0x82, 0xAC, 0xED, 0xA0, 0x80, 0xC3]
        let shown = TerminalSanitizer.sanitized(bytes: bytes)
        #expect(shown == "a\\x9b2J\u{FFFD}é\\x9d€\u{FFFD}\u{FFFD}\\x80\u{FFFD}")
        #expect(Self.actionableBytes(in: shown).isEmpty)
    }

    @Test func everyByteValueComesOutInert() {
        for value in UInt8.min...UInt8.max {
            for bytes in [[value], [0xC2, value], [0xE2, 0x80, value], [value, 0x5B, 0x32, 0x4A]] {
                let shown = TerminalSanitizer.sanitized(bytes: bytes)
                #expect(Self.actionableBytes(in: shown).isEmpty, "bytes \(bytes)")
                let asString = String(decoding: bytes, as: UTF8.self)
                #expect(Self.actionableBytes(in: asString.terminalSafe).isEmpty, "string \(bytes)")
            }
        }
    }
}
