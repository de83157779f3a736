import Testing

@testable import FAIControl

@Suite("Console line assembler")
struct ProgressLineAssemblerTests {
    private func lines(_ text: String) -> (lines: [String], pending: String) {
        var assembler = ConsoleLineAssembler()
        let lines = assembler.append(Array(text.utf8), at: 0)
        return (lines, assembler.pendingLine)
    }

    @Test func splitsOnLineFeedAndDropsCarriageReturns() {
        let result = lines("one\r\ntwo\r\nthree")
        #expect(result.lines == ["one", "two"])
        #expect(result.pending == "three")
    }

    @Test func keepsTextAfterTheLastCarriageReturn() {
        #expect(lines("10%\r20%\r100% done\r\n").lines == ["100% done"])
    }

    @Test func appliesBackspace() {
        #expect(lines("lss\u{8} -l\n").lines == ["ls -l"])
        #expect(lines("gr\u{FC}\u{8}n\n").lines == ["grn"])
    }

    @Test func stripsEscapeSequences() {
        let logo = "\u{1B}c\u{1B}[1;31m  Fully Automatic Installation  -  FAI\n\u{1B}[7;0r\u{1B}[9B\u{1B}[1;m\n"
        #expect(lines(logo).lines == ["  Fully Automatic Installation  -  FAI", ""])
        #expect(lines("\u{1B}]0;title\u{7}a\u{1B}]2;t\u{1B}\\b\u{1B}(Bc\u{1B}7d\n").lines == ["abcd"])
    }

    @Test func dropsControlBytesButKeepsTab() {
        #expect(lines("\u{7}\u{7}\u{7}\r\na\tb\u{0}\u{7F}c  \t\n").lines == ["", "a\tbc"])
    }

    @Test func anUnterminatedStringEndsAtTheLineFeed() {
        #expect(lines("\u{1B}]0;never ended\nnext\n").lines == ["", "next"])
    }

    @Test func reassemblesUTF8AcrossChunks() {
        var assembler = ConsoleLineAssembler()
        let bytes = Array("Grüße\n".utf8)
        var result: [String] = []
        for byte in bytes { result += assembler.append([byte], at: 0) }
        #expect(result == ["Grüße"])
    }

    @Test func capsTheLineLength() {
        var assembler = ConsoleLineAssembler(maximumLineBytes: 64)
        let result = assembler.append(Array(repeating: UInt8(ascii: "x"), count: 10_000) + [0x0A], at: 0)
        #expect(result == [String(repeating: "x", count: 64)])
    }

    @Test func remembersTheTimeOfTheLastByte() {
        var assembler = ConsoleLineAssembler()
        _ = assembler.append(Array("(initramfs) ".utf8), at: 12.5)
        _ = assembler.append([UInt8](), at: 20)
        #expect(assembler.lastByteTime == 12.5)
        #expect(assembler.pendingLine == "(initramfs)")
    }
}
