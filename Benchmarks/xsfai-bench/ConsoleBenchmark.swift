import Foundation
import Simulator
import Terminal

/// `xsfai-bench console`: the console emulator's throughput and scrollback memory.
///
///   console generate --output PATH [--megabytes 50] [--marker TEXT]
///       writes a package-install console stream (apt/dpkg lines, some SGR colour, CR LF line ends),
///       ending with a line holding TEXT (for the tmux comparison to detect the end)
///   console run --input PATH [--columns 200] [--rows 50] [--chunk 4096] [--runs 3]
///       feeds the file to a fresh `TerminalEmulator` per run in chunks; reports the median
///   console memory [--lines 100000] [--width 120]
///       resident memory of an emulator holding that many scrollback lines
///   console screen --input PATH [--columns 80] [--rows 25]
///       the screen after the whole file, as JSON lines and cursor (to compare with other terminals)
func runConsoleBenchmark(arguments: [String]) throws {
    guard let mode = arguments.first else {
        throw UsageError(description: "expected generate, run, screen or memory")
    }
    let options = try BenchmarkOptions(Array(arguments.dropFirst()))
    switch mode {
    case "generate":
        guard let path = options.value("--output") else { throw UsageError(description: "generate needs --output PATH") }
        let megabytes = try options.integer("--megabytes", default: 50)
        var stream = ConsoleStream.packageInstall(bytes: megabytes * 1_000_000)
        if let marker = options.value("--marker") { stream += Array("\(marker)\r\n".utf8) }
        try Data(stream).write(to: URL(fileURLWithPath: path))
        print(#"{"bytes":\#(stream.count),"written_to":"\#(path)"}"#)
    case "run":
        guard let path = options.value("--input") else { throw UsageError(description: "run needs --input PATH") }
        try runThroughput(
            bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))),
            size: TerminalSize(columns: try options.integer("--columns", default: 200), rows: try options.integer("--rows", default: 50)),
            chunk: max(try options.integer("--chunk", default: 4096), 1),
            runs: max(try options.integer("--runs", default: 3), 1)
        )
    case "screen":
        guard let path = options.value("--input") else { throw UsageError(description: "screen needs --input PATH") }
        let emulator = TerminalEmulator(
            size: TerminalSize(columns: try options.integer("--columns", default: 80), rows: try options.integer("--rows", default: 25)))
        emulator.feed(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        let lines = (0..<emulator.size.rows).map { emulator.text(ofLine: emulator.scrollbackCount + $0) }
        let json = try JSONSerialization.data(withJSONObject: ["lines": lines, "cursor": [emulator.cursor.row, emulator.cursor.column]])
        print(String(decoding: json, as: UTF8.self))
    case "memory":
        try runMemory(lines: try options.integer("--lines", default: 100_000), width: try options.integer("--width", default: 120))
    default:
        throw UsageError(description: "unknown mode \(mode); expected generate, run, screen or memory")
    }
}

private func runThroughput(bytes: [UInt8], size: TerminalSize, chunk: Int, runs: Int) throws {
    var seconds: [Double] = []
    var lineCount = 0
    for _ in 0..<runs {
        let emulator = TerminalEmulator(size: size, scrollbackLimit: 10_000)
        seconds.append(bytes.withUnsafeBytes { buffer in
            measureSeconds {
                var offset = 0
                while offset < buffer.count {
                    let end = min(offset + chunk, buffer.count)
                    emulator.feed(UnsafeRawBufferPointer(rebasing: buffer[offset..<end]))
                    offset = end
                }
            }
        })
        lineCount = emulator.scrollbackCount + emulator.droppedLineCount
    }
    let medianSeconds = median(seconds)
    printFigures([
        ("benchmark", #""console emulator""#),
        ("bytes", "\(bytes.count)"),
        ("columns", "\(size.columns)"),
        ("rows", "\(size.rows)"),
        ("chunk_bytes", "\(chunk)"),
        ("runs", "\(runs)"),
        ("lines_scrolled", "\(lineCount)"),
        ("median_seconds", formatFigure(medianSeconds)),
        ("mb_per_second", formatFigure(Double(bytes.count) / 1_000_000 / medianSeconds)),
    ])
}

private func runMemory(lines: Int, width: Int) throws {
    let before = try residentBytes()
    let emulator = TerminalEmulator(size: TerminalSize(columns: width, rows: 50), scrollbackLimit: lines)
    var generator = SplitMix64(seed: 99)
    for index in 0..<(lines + 50) {
        var text = "\(index) "
        while text.count < width {
            text += ConsoleStream.words[Int(generator.next() % UInt64(ConsoleStream.words.count))] + " "
        }
        text = String(text.prefix(width))
        emulator.feed((index % 10 == 0 ? "\u{1B}[32m\(text)\u{1B}[m" : text) + "\r\n")
    }
    let after = try residentBytes()
    printFigures([
        ("benchmark", #""console scrollback memory""#),
        ("scrollback_lines", "\(emulator.scrollbackCount)"),
        ("line_width", "\(width)"),
        ("resident_mb_before", formatFigure(Double(before) / 1_048_576)),
        ("resident_mb_after", formatFigure(Double(after) / 1_048_576)),
        ("scrollback_mb", formatFigure(Double(after - before) / 1_048_576)),
        ("bytes_per_line", formatFigure(Double(after - before) / Double(max(emulator.scrollbackCount, 1)))),
    ])
}

/// Resident set size from /proc/self/statm (Linux).
private func residentBytes() throws -> Int {
    let statm = try String(contentsOfFile: "/proc/self/statm", encoding: .utf8)
    let fields = statm.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else {
        throw UsageError(description: "cannot read /proc/self/statm")
    }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}
