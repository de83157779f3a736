import FAIMonitor

/// The fleet as rows and lines for `fleet` and `install --watch`.
struct FleetTableView {
    let rules: MonitorRules
    /// The pool's VMs to map senders to, when a pool was given.
    let directory: FleetVMDirectory?

    /// One install as printed (and as JSON).
    struct Row: Codable, Equatable {
        var sender: String
        /// The VM's name-label, or nil when the sender maps to no VM.
        var vm: String?
        /// How it was mapped (`mac`, `pxe`, `name-label`, `console host name`).
        var mappedBy: String?
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
            let mapped = directory?.vm(for: install.sender)
            return Row(
                sender: install.sender, vm: mapped?.vm.name, mappedBy: mapped?.match.rawValue, attempt: install.attempt, task: install.currentTask ?? "-",
                phase: install.phaseIndex, phases: 18, elapsedSeconds: install.elapsedSeconds(now: now, rules: rules),
                verdict: verdict.text, band: install.band.rawValue, exitCode: verdict.exitCode,
                lastMessage: install.lastMessage)
        }
    }

    func table(_ fleet: MonitorFleet, now: Double) -> String {
        var table = PlainTable(headers: ["VM", "SENDER", "TASK", "PROGRESS", "ELAPSED", "VERDICT", "BAND", "LAST"])
        for install in fleet.sortedInstalls {
            table.rows.append(cells(install, now: now))
        }
        return table.rows.isEmpty ? "No install has reported to the monitor yet." : table.render()
    }

    /// One line for a live or piped watch.
    func line(_ install: MonitoredInstall, now: Double) -> String {
        cells(install, now: now).joined(separator: "  ")
    }

    /// The VM's name, `(unmapped)` when the pool has none for the sender, `-` without a pool.
    private func vmName(_ sender: String) -> String {
        guard let directory else { return "-" }
        return directory.vm(for: sender)?.vm.name ?? "(unmapped)"
    }

    private func cells(_ install: MonitoredInstall, now: Double) -> [String] {
        [
            vmName(install.sender), install.sender, install.currentTask ?? "-", "\(install.bar(width: 10)) \(install.phaseText)",
            elapsedText(install.elapsedSeconds(now: now, rules: rules)), install.verdict(rules: rules).text,
            install.band.rawValue, PlainTable.shortened(install.lastMessage, to: 40),
        ]
    }
}
