import Foundation

// xsfai-bench: speed figures for the hot paths, printed as JSON on stdout.
//
//   xsfai-bench <subcommand> [options]
//
// Each subcommand lives in its own file as a `run…Benchmark(arguments:)` function; register another
// with one line in `subcommands`.

/// A benchmark subcommand: its name, a one-line summary, and its entry point (given the remaining arguments).
struct BenchmarkSubcommand {
    let name: String
    let summary: String
    let run: ([String]) throws -> Void
}

/// An invalid command line, reported on stderr with exit status 2.
struct UsageError: Error, CustomStringConvertible {
    let description: String
}

/// Writes `text` to standard error.
func writeToStandardError(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
}

let subcommands: [BenchmarkSubcommand] = [
    BenchmarkSubcommand(name: "xmlrpc", summary: "decode VM.get_all_records into typed records", run: runXMLRPCBenchmark),
    BenchmarkSubcommand(name: "reply-memory", summary: "peak RSS decoding a big VM.get_all_records reply in pieces", run: runReplyMemoryBenchmark),
    BenchmarkSubcommand(name: "console", summary: "console emulator throughput and scrollback memory", run: runConsoleBenchmark),
    BenchmarkSubcommand(name: "progress", summary: "FAI progress tracker throughput", run: runProgressBenchmark),
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let subcommand = subcommands.first(where: { $0.name == name }) else {
    let list = subcommands.map { "  \($0.name)\t\($0.summary)" }.joined(separator: "\n")
    writeToStandardError("usage: xsfai-bench <subcommand> [options]\n\nsubcommands:\n\(list)\n")
    exit(["-h", "--help", "help"].contains(arguments.first ?? "") ? 0 : 2)
}
do {
    try subcommand.run(Array(arguments.dropFirst()))
} catch let error as UsageError {
    writeToStandardError("xsfai-bench \(name): \(error.description)\n")
    exit(2)
} catch {
    writeToStandardError("xsfai-bench \(name): \(error)\n")
    exit(1)
}
