import FAIControl

/// `xsfai-bench progress [--megabytes 20] [--chunk 4096] [--runs 5]`: the FAI progress tracker's
/// throughput on a verbose install console (apt output with time stamps, colour and CR redraws),
/// fed to a fresh tracker per run in console-read-sized chunks; reports the median.
func runProgressBenchmark(arguments: [String]) throws {
    let options = try BenchmarkOptions(arguments)
    let stream = FAIConsoleStream.syntheticInstall(approximateBytes: try options.integer("--megabytes", default: 20) * 1_000_000)
    let chunk = max(try options.integer("--chunk", default: 4096), 1)
    let runs = max(try options.integer("--runs", default: 5), 1)
    var seconds: [Double] = []
    var stage = ""
    for _ in 0..<runs {
        seconds.append(measureSeconds {
            var tracker = FAIProgressTracker(startTime: 0)
            var index = 0
            var time = 0.0
            while index < stream.count {
                let end = min(stream.count, index + chunk)
                tracker.consume(stream[index..<end], at: time)
                time += 0.001
                index = end
            }
            stage = tracker.progress.stage.rawValue
        })
    }
    let lines = stream.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    let medianSeconds = median(seconds)
    printFigures([
        ("benchmark", #""FAI progress tracker""#),
        ("bytes", "\(stream.count)"),
        ("lines", "\(lines)"),
        ("chunk_bytes", "\(chunk)"),
        ("runs", "\(runs)"),
        ("final_stage", #""\#(stage)""#),
        ("median_seconds", formatFigure(medianSeconds)),
        ("mb_per_second", formatFigure(Double(stream.count) / 1_000_000 / medianSeconds)),
        ("lines_per_second", formatFigure(Double(lines) / medianSeconds, digits: 0)),
    ])
}
