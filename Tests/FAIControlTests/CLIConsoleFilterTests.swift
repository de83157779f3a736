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
