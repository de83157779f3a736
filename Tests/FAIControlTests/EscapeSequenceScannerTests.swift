import FAIControl
import Testing

@Suite struct EscapeSequenceScannerTests {
    private func scan(_ bytes: [UInt8]) -> [EscapeSequenceScanner.Event] {
        var scanner = EscapeSequenceScanner()
        return bytes.map { scanner.scan($0) }.filter { $0 != .consumed }
    }

    private func scan(_ text: String) -> [EscapeSequenceScanner.Event] { scan(Array(text.utf8)) }

    @Test func textAndControlsPassAndEscapeSequencesAreSwallowed() {
        #expect(scan("a\u{1B}(0b\u{1B}cc\u{1B}]0;title\u{07}d\r\n") == [
            .byte(UInt8(ascii: "a")), .byte(UInt8(ascii: "b")), .byte(UInt8(ascii: "c")),
            .byte(UInt8(ascii: "d")), .byte(0x0D), .byte(0x0A),
        ])
    }

    @Test func controlSequenceReportsItsFinalAndParameters() {
        #expect(scan("\u{1B}[1;31mX\u{1B}[?25l") == [
            .controlSequence(final: UInt8(ascii: "m"), parameters: Array("1;31".utf8)),
            .byte(UInt8(ascii: "X")),
            .controlSequence(final: UInt8(ascii: "l"), parameters: Array("?25".utf8)),
        ])
    }

    @Test func overlongParametersAreReportedAsMissing() {
        let long = "\u{1B}[" + String(repeating: "1;", count: 40) + "m"
        #expect(scan(long) == [.controlSequence(final: UInt8(ascii: "m"), parameters: nil)])
    }

    @Test func cancelAbortsAndLineFeedEndsABrokenSequence() {
        // CAN aborts the CSI (its "31m" is then text); LF ends an unterminated OSC and still counts.
        #expect(scan("\u{1B}[1\u{18}31m") == Array("31m".utf8).map { .byte($0) })
        #expect(scan("\u{1B}]0;never ends\nnext") == [.byte(0x0A)] + Array("next".utf8).map { .byte($0) })
    }

    @Test func controlBytesInsideASequenceExecuteInPlace() {
        #expect(scan("\u{1B}[1\u{08}2m") == [.byte(0x08), .controlSequence(final: UInt8(ascii: "m"), parameters: Array("12".utf8))])
    }

    @Test func stringTerminatorAndNewEscapeInsideAString() {
        #expect(scan("\u{1B}P1$r\u{1B}\\x\u{1B}]2;t\u{1B}[0m") == [
            .byte(UInt8(ascii: "x")), .controlSequence(final: UInt8(ascii: "m"), parameters: Array("0".utf8)),
        ])
    }
}
