import Foundation
import XenAPI

/// `xsfai-bench reply-memory --payload FILE [--piece-kib K]`: decodes a `VM.get_all_records` reply
/// read from FILE in pieces of K KiB (default 512, libcurl's receive size in xsfai) into typed records
/// as `xsfai vms` does while the reply arrives, and prints the process's peak RSS (`VmHWM`) before and
/// after, against the reply's size. The file is never held whole: the figure is the decoder's.
func runReplyMemoryBenchmark(arguments: [String]) throws {
    var payloadPath: String?
    var pieceBytes = 512 * 1024
    var remaining = arguments[...]
    while let option = remaining.popFirst() {
        guard let value = remaining.popFirst() else { throw UsageError(description: "\(option) needs a value") }
        switch option {
        case "--payload": payloadPath = value
        case "--piece-kib":
            guard let kib = Int(value), kib > 0 else { throw UsageError(description: "--piece-kib needs a positive number") }
            pieceBytes = kib * 1024
        default: throw UsageError(description: "unknown option \(option)")
        }
    }
    guard let payloadPath else { throw UsageError(description: "usage: xsfai-bench reply-memory --payload FILE [--piece-kib K]") }
    let file = open(payloadPath, O_RDONLY)
    guard file >= 0 else { throw UsageError(description: "cannot open \(payloadPath)") }
    defer { close(file) }
    let before = peakResidentKiB()
    let clock = ContinuousClock()
    let start = clock.now
    let stream = XenAPIReply.RecordStream(method: "VM.get_all_records", decode: VMRecord.init(xmlrpc:))
    var size = stat()
    fstat(file, &size)
    stream.expect(length: Int(size.st_size))
    let piece = UnsafeMutableRawBufferPointer.allocate(byteCount: pieceBytes, alignment: 16)
    defer { piece.deallocate() }
    var total = 0
    while true {
        let count = read(file, piece.baseAddress, pieceBytes)
        guard count > 0 else { break }
        total += count
        try stream.receive(UnsafeRawBufferPointer(rebasing: piece[0..<count]))
    }
    let records = try stream.finish()
    let elapsed = clock.now - start
    let after = peakResidentKiB()
    withExtendedLifetime(records) {}
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    printFigures([
        ("benchmark", #""reply-memory VM.get_all_records → [Ref: VMRecord], streamed""#),
        ("reply_bytes", "\(total)"),
        ("records", "\(records.count)"),
        ("piece_bytes", "\(pieceBytes)"),
        ("seconds", formatFigure(seconds)),
        ("peak_rss_before_kib", "\(before)"),
        ("peak_rss_kib", "\(after)"),
        ("peak_rss_over_reply", formatFigure(Double(after) * 1024 / Double(max(total, 1)), digits: 2)),
        ("decode_growth_over_reply", formatFigure(Double(after - before) * 1024 / Double(max(total, 1)), digits: 2)),
    ])
}

/// The process's peak resident set size so far (`VmHWM` in `/proc/self/status`), in KiB.
func peakResidentKiB() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
          let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
    return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
}
