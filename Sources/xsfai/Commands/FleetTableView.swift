import FAIMonitor

/// The fleet as rows and lines for `fleet` and `install --watch`.
struct FleetTableView {
    let rules: MonitorRules

    /// One install as printed (and as JSON).
    struct Row: Codable, Equatable {
        var sender: String
        var attempt: Int
        var task: String
        var phase: Int
        var phases: Int
        var elapsedSeconds: Int
        var verdict: String
        var band: String
        var exitCode: Int32?
        var lastMessage: String
    }

    func rows(_ fleet: MonitorFleet, now: Double) -> [Row] {
        fleet.sortedInstalls.map { install in
            let verdict = install.verdict(rules: rules)
            return Row(
                sender: install.sender, attempt: install.attempt, task: install.currentTask ?? "-",
                phase: install.phaseIndex, phases: 18, elapsedSeconds: install.elapsedSeconds(now: now, rules: rules),
                verdict: verdict.text, band: install.band.rawValue, exitCode: verdict.exitCode,
                lastMessage: install.lastMessage)
        }
    }

    func table(_ fleet: MonitorFleet, now: Double) -> String {
        var table = PlainTable(headers: ["SENDER", "TASK", "PROGRESS", "ELAPSED", "VERDICT", "BAND", "LAST"])
        for install in fleet.sortedInstalls {
            table.rows.append(cells(install, now: now))
        }
        return table.rows.isEmpty ? "No install has reported to the monitor yet." : table.render()
    }

    /// One line for a live or piped watch.
    func line(_ install: MonitoredInstall, now: Double) -> String {
        cells(install, now: now).joined(separator: "  ")
    }

    private func cells(_ install: MonitoredInstall, now: Double) -> [String] {
        [
            install.sender, install.currentTask ?? "-", "\(install.bar(width: 10)) \(install.phaseText)",
            elapsedText(install.elapsedSeconds(now: now, rules: rules)), install.verdict(rules: rules).text,
            install.band.rawValue, PlainTable.shortened(install.lastMessage, to: 40),
        ]
    }
}
