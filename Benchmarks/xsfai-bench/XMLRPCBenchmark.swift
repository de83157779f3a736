import Foundation
import XMLRPC
import XenAPI

/// `xsfai-bench xmlrpc`: times decoding a `VM.get_all_records` reply into `[String: VMRecord]` three
/// ways — whole value tree then a typed record per VM (`median_seconds`), typed records built on one
/// thread while streaming `Value`'s members (`streamed_median_seconds`), and the same with spans of
/// records decoded on other threads as `getAllRecords` does (`concurrent_median_seconds`) — and the
/// generic tree decode alone.
/// Options: see ``XMLRPCBenchmarkOptions/usage``.
func runXMLRPCBenchmark(arguments: [String]) throws {
    if arguments.contains("--help") || arguments.contains("-h") {
        print(XMLRPCBenchmarkOptions.usage)
        return
    }
    let options = try XMLRPCBenchmarkOptions(arguments)
    let payload: [UInt8]
    if let path = options.payloadPath {
        payload = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    } else {
        payload = VMRecordsPayload.reply(vmCount: options.vmCount)
    }
    if let path = options.writePath {
        try Data(payload).write(to: URL(fileURLWithPath: path))
        print(#"{"payload_bytes":\#(payload.count),"written_to":"\#(path)"}"#)
        return
    }

    // Warm-up runs, which also check that every record decodes the same way on both paths.
    let treeRecords = try decodeTypedRecordsFromTree(payload)
    let streamedRecords = try decodeTypedRecordsStreamed(payload)
    let concurrentRecords = try decodeTypedRecordsStreamed(payload, concurrency: .otherThreads)
    guard treeRecords.count == streamedRecords.count, treeRecords.keys.allSatisfy({ streamedRecords[Ref($0)] != nil }),
          concurrentRecords == streamedRecords else {
        throw UsageError(description: "the tree, streamed and concurrent paths decoded different records")
    }
    let recordCount = treeRecords.count
    var typedSeconds: [Double] = []
    var streamedSeconds: [Double] = []
    var concurrentSeconds: [Double] = []
    var genericSeconds: [Double] = []
    for _ in 0..<options.runs {
        // Results are freed after the clock stops, as the Python script frees its results untimed.
        typedSeconds.append(try measureSeconds { try decodeTypedRecordsFromTree(payload) })
        streamedSeconds.append(try measureSeconds { try decodeTypedRecordsStreamed(payload) })
        concurrentSeconds.append(try measureSeconds { try decodeTypedRecordsStreamed(payload, concurrency: .otherThreads) })
        genericSeconds.append(try measureSeconds { try XMLRPCDecoder.methodResponse(payload) })
    }
    let typedMedian = median(typedSeconds)
    let streamedMedian = median(streamedSeconds)
    let concurrentMedian = median(concurrentSeconds)
    let genericMedian = median(genericSeconds)
    let megabytes = Double(payload.count) / 1_000_000
    var figures: [(name: String, json: String)] = [
        ("benchmark", #""xmlrpc VM.get_all_records → [String: VMRecord]""#),
        ("payload_bytes", "\(payload.count)"),
        ("records_decoded", "\(recordCount)"),
        ("runs", "\(options.runs)"),
        ("median_seconds", formatFigure(typedMedian)),
        ("mb_per_second", formatFigure(megabytes / typedMedian)),
        ("streamed_median_seconds", formatFigure(streamedMedian)),
        ("streamed_mb_per_second", formatFigure(megabytes / streamedMedian)),
        ("concurrent_median_seconds", formatFigure(concurrentMedian)),
        ("concurrent_mb_per_second", formatFigure(megabytes / concurrentMedian)),
        ("generic_tree_median_seconds", formatFigure(genericMedian)),
        ("generic_tree_mb_per_second", formatFigure(megabytes / genericMedian)),
    ]
    if let python = options.pythonMedianSeconds {
        figures.append(("python_sdk_median_seconds", formatFigure(python)))
        figures.append(("python_sdk_mb_per_second", formatFigure(megabytes / python)))
        figures.append(("speedup_vs_python_sdk", formatFigure(python / typedMedian)))
        figures.append(("streamed_speedup_vs_python_sdk", formatFigure(python / streamedMedian)))
    }
    printFigures(figures)
}

/// Decodes the whole reply into a value tree, then builds a typed record per VM.
private func decodeTypedRecordsFromTree(_ payload: [UInt8]) throws -> [String: VMRecord] {
    let reply = try XMLRPCDecoder.methodResponse(payload)
    guard let wrapper = reply.structValue, wrapper["Status"] == .string("Success"),
          let value = wrapper["Value"]?.structValue else {
        throw UsageError(description: "the payload is not a successful VM.get_all_records reply")
    }
    var records: [String: VMRecord] = [:]
    records.reserveCapacity(value.count)
    for member in value.members {
        records[member.name] = try VMRecord(xmlrpc: member.value)
    }
    return records
}

/// Builds each typed record as soon as its member of `Value` is decoded (no whole-reply tree), on one
/// thread (`.transportThread`), or as `XenAPISession`'s `getAllRecords` calls do, on other threads
/// (`.otherThreads`).
private func decodeTypedRecordsStreamed(
    _ payload: [UInt8], concurrency: XenAPIReply.RecordStream<VMRecord>.Concurrency = .transportThread
) throws -> [Ref<VMRecord>: VMRecord] {
    try XenAPIReply.records(of: payload, method: "VM.get_all_records", concurrency: concurrency, decode: VMRecord.init(xmlrpc:))
}

/// The command line of `xsfai-bench xmlrpc`.
struct XMLRPCBenchmarkOptions {
    static let usage = """
        usage: xsfai-bench xmlrpc [--vms N] [--runs R] [--payload PATH | --write-payload PATH] [--python-median-seconds S]
          --vms N                    VMs in the generated VM.get_all_records reply (default 2000)
          --runs R                   timed runs; medians are reported (default 7)
          --payload PATH             decode this file instead of generating the payload
          --write-payload PATH       write the generated payload to PATH and exit
          --python-median-seconds S  the Python SDK's median on the same bytes, to report the speedup
        """

    var vmCount = 2000
    var runs = 7
    var payloadPath: String?
    var writePath: String?
    var pythonMedianSeconds: Double?

    init(_ arguments: [String]) throws {
        var remaining = arguments[...]
        while let option = remaining.popFirst() {
            guard let argument = remaining.popFirst() else { throw UsageError(description: "\(option) needs a value") }
            switch option {
            case "--vms": vmCount = try Self.positive(argument, option)
            case "--runs": runs = try Self.positive(argument, option)
            case "--payload": payloadPath = argument
            case "--write-payload": writePath = argument
            case "--python-median-seconds":
                guard let seconds = Double(argument), seconds > 0 else {
                    throw UsageError(description: "--python-median-seconds needs a positive number, not \(argument)")
                }
                pythonMedianSeconds = seconds
            default: throw UsageError(description: "unknown option \(option)")
            }
        }
    }

    private static func positive(_ text: String, _ option: String) throws -> Int {
        guard let number = Int(text), number > 0 else {
            throw UsageError(description: "\(option) needs a positive integer, not \(text)")
        }
        return number
    }
}
