import FAIMonitor
import FAIMonitorServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A live fleet table: on a terminal one line per install redrawn in place (the cursor moved up
/// over the previous frame), when piped a plain line each time an install's line changes.
struct FleetWatch {
    let service: FAIMonitorService
    let view: FleetTableView
    let json: Bool

    /// Watches until interrupted, until every install heard is decided (`untilDone`), or `timeout`
    /// seconds; returns the worst exit code (0 ok, 3 FAI failed, 5 timeout).
    func run(untilDone: Bool, timeout: Double?) -> Int32 {
        let isTerminal = isatty(STDOUT_FILENO) == 1 && !json
        let start = Date()
        var printed: [String: String] = [:]
        var frameLines = 0
        var lastGeneration = -1
        while true {
            let now = Date().timeIntervalSince1970
            let fleet = service.fleet
            let installs = fleet.sortedInstalls
            if isTerminal {
                var frame = installs.map { view.line($0, now: now) }
                if frame.isEmpty { frame = ["waiting for FAI monitor messages…"] }
                var output = frameLines > 0 ? "\u{1B}[\(frameLines)A" : ""
                for line in frame { output += "\r\u{1B}[2K" + line + "\n" }
                FileHandle.standardOutput.write(Data(output.utf8))
                frameLines = frame.count
            } else if service.generation != lastGeneration {
                lastGeneration = service.generation
                for install in installs {
                    let line = json ? jsonLine(install, now: now) : view.line(install, now: now)
                    // Elapsed time alone does not make a new line.
                    let key = "\(install.attempt) \(install.lastMessage) \(install.verdict(rules: view.rules))"
                    if printed[install.sender] != key {
                        printed[install.sender] = key
                        FileHandle.standardOutput.write(Data((line + "\n").utf8))
                    }
                }
            }
            let verdicts = installs.map { $0.verdict(rules: view.rules) }
            if untilDone, !verdicts.isEmpty, verdicts.allSatisfy(\.isDecided) {
                return verdicts.compactMap(\.exitCode).max() ?? 0
            }
            if let timeout, Date().timeIntervalSince(start) >= timeout { return 5 }
            usleep(250_000)
        }
    }

    private func jsonLine(_ install: MonitoredInstall, now: Double) -> String {
        let row = view.rows(service.fleet, now: now).first { $0.sender == install.sender }
        guard let row, let data = try? JSONEncoder().encode(row) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }
}
