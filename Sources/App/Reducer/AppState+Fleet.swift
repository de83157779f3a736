import FAIControl
import FAIMonitor
import TUI
import XenAPI

extension AppState {
    /// The fleet pane's column titles, in order.
    public static let fleetColumnTitles = ["VM", "HOST", "SOURCE", "TASK", "PROGRESS", "ELAPSED", "VERDICT", "BAND", "LAST LINE"]

    /// The FAI monitor's fleet changed (its state at `time`, seconds since the epoch).
    mutating func monitorChanged(_ monitor: MonitorFleet, at time: Double) -> [Effect] {
        fleet.monitor = monitor
        fleet.now = max(fleet.now, time)
        refreshFleetRows()
        return []
    }

    /// The wall clock moved on (elapsed times); rows are recomputed only when something shows them.
    mutating func clockTicked(_ time: Double) -> [Effect] {
        fleet.now = time
        if !fleet.rows.isEmpty || fleet.monitor != nil { refreshFleetRows() }
        return []
    }

    /// The console of `vm` printed the installing host's name: senders named so map to it.
    mutating func consoleHostNameRead(vm: Ref<VMRecord>, name: String) -> [Effect] {
        guard fleet.consoleHostNames[vm] != name else { return [] }
        fleet.consoleHostNames[vm] = name
        rebuildSenderMapping()
        refreshFleetRows()
        return []
    }

    /// An install attempt of `vm` begins now (this TUI starts, rearms or creates it): the row's elapsed
    /// time counts from here, and monitor reports older than this belong to the previous attempt.
    mutating func beginAttempt(_ vm: Ref<VMRecord>) {
        fleet.begun[vm] = fleet.now
        fleet.ended[vm] = nil
        fleet.earlierCaptures[vm] = captures.byVM[vm]?.id
    }

    /// Rebuilds the sender mapping from the VMs, their VIF MACs and the host names consoles printed.
    mutating func rebuildSenderMapping(vifs: [Ref<VIFRecord>: VIFRecord]? = nil) {
        if let vifs {
            fleet.macs = Dictionary(grouping: vifs.values, by: \.vm).mapValues { $0.sorted { $0.device < $1.device }.map(\.mac) }
        }
        var byUUID: [String: Ref<VMRecord>] = [:]
        var candidates: [SenderMapping.Candidate] = []
        for (ref, record) in vms where !record.isATemplate && !record.isASnapshot && !record.isControlDomain {
            byUUID[record.uuid] = ref
            candidates.append(SenderMapping.Candidate(
                uuid: record.uuid, name: record.nameLabel, macs: fleet.macs[ref] ?? [],
                consoleHostName: fleet.consoleHostNames[ref]))
        }
        fleet.vmsByUUID = byUUID
        fleet.mapping = SenderMapping(candidates)
    }

    /// Recomputes the fleet rows (one per install attempt: VMs this TUI began, VMs captured in the
    /// background or whose console shows FAI, every monitor sender), filters and sorts them, keeping
    /// the selection on its row.
    mutating func refreshFleetRows() {
        let previous = fleet.selected?.id
        var monitorRows: [Ref<VMRecord>: MonitoredInstall] = [:]
        var unmapped: [MonitoredInstall] = []
        for install in fleet.monitor?.installs.values.map({ $0 }) ?? [] {
            guard let found = fleet.mapping.vm(for: install.sender), let ref = fleet.vmsByUUID[found.vm.uuid] else {
                unmapped.append(install)
                continue
            }
            // Two send ids for one VM (a rename, FAI_SENDID changed): the newest speaks for it.
            if let other = monitorRows[ref], other.lastMessageTime > install.lastMessageTime { continue }
            monitorRows[ref] = install
        }
        var refs = Set(fleet.begun.keys).union(monitorRows.keys)
        // A capture that ended without reading an install (an installed system's login) is no attempt.
        refs.formUnion(captures.byVM.filter { $0.value.status.holdsSlot || $0.value.phase != .unknown }.keys)
        refs.formUnion(phases.compactMap { ref, phase in vms[ref].map { phase.phase(for: $0) != .unknown } == true ? ref : nil })
        var all: [FleetRow] = []
        for ref in refs {
            guard let record = vms[ref] else { continue }
            let row = fleetRow(ref, record, monitor: monitorRows[ref])
            if row.verdict.isDecided, fleet.ended[ref] == nil, fleet.begun[ref] != nil { fleet.ended[ref] = fleet.now }
            all.append(row)
        }
        all += unmapped.map(unmappedRow)
        fleet.begun = fleet.begun.filter { vms[$0.key] != nil }
        fleet.earlierCaptures = fleet.earlierCaptures.filter { vms[$0.key] != nil }
        fleet.marked = fleet.marked.filter { vms[$0] != nil }

        let filter = ListFilter(fleet.filter.text)
        let shown = all.filter { fleet.stateFilter.admits($0.verdict) && (filter.isEmpty || matches(filter, $0)) }
        fleet.rows = shown.sorted(by: fleetOrder)
        let visible = layout.listRows
        if let previous, let index = fleet.rows.firstIndex(where: { $0.id == previous }) {
            fleet.position = fleet.position.selecting(index, count: fleet.rows.count, visibleRows: visible)
        } else {
            fleet.position = fleet.position.clamped(count: fleet.rows.count, visibleRows: visible)
        }
    }

    /// A VM's row: its console's facts merged with the monitor's for its current attempt.
    private func fleetRow(_ ref: Ref<VMRecord>, _ record: VMRecord, monitor: MonitoredInstall?) -> FleetRow {
        // Reports from before this TUI began the VM's attempt belong to the previous attempt.
        let begun = fleet.begun[ref]
        let install = monitor.flatMap { install in begun.map { install.lastMessageTime >= $0 } ?? true ? install : nil }
        let phase = phases[ref]?.phase(for: record) ?? .unknown
        // A failure report belongs to the attempt whose console showed the failed phase.
        let failure: FailureReport? = if case .failed = phase { failures[ref] } else { nil }
        // A capture of the previous attempt (kept for its history) says nothing of this one.
        let capture = captures.byVM[ref].flatMap { $0.id == fleet.earlierCaptures[ref] && $0.status == .finished ? nil : $0 }
        let hasConsole = phase != .unknown || !(capture?.lastLine.isEmpty ?? true)
        let rules = fleet.monitor?.rules ?? MonitorRules()
        let consoleVerdict: FleetRow.Verdict? = switch phase {
        case .unknown: nil
        case .installing: .running
        case .succeeded: .succeeded
        case .failed(let task): .failed(task: task, code: failure?.code, stopped: false)
        case .noBoot: .noBoot
        case .hung: .hung
        }
        let monitorVerdict = install.map { Self.fleetVerdict($0.verdict(rules: rules)) }
        let verdict = Self.merged(console: consoleVerdict, monitor: monitorVerdict)
        var consoleTask = ""
        var consolePhase = 0
        switch phase {
        case .installing(let task, let index, _): (consoleTask, consolePhase) = (task, index)
        case .failed(let task): consoleTask = task
        case .succeeded: consolePhase = FAIPhase.count
        default: break
        }
        var reached = max(consolePhase, install?.phaseIndex ?? 0)
        if verdict == .succeeded || { if case .warnings = verdict { return true } else { return false } }() { reached = FAIPhase.count }
        let elapsed: Int? = if let install {
            install.elapsedSeconds(now: fleet.now, rules: rules)
        } else if let begun {
            max(0, Int((fleet.ended[ref] ?? fleet.now) - begun))
        } else {
            nil
        }
        let code = install.map(\.highestCode) ?? failure?.code
        let band = code.map(FAIErrorBand.init(code:)) ?? (verdict.isDecided && !verdict.isBad ? .ok : nil)
        return FleetRow(
            id: .vm(ref), name: record.nameLabel, sender: install?.sender, host: host(of: record) ?? "",
            source: hasConsole ? (install == nil ? .console : .both) : (install == nil ? .none : .monitor),
            task: install?.currentTask ?? consoleTask, phase: reached, elapsed: elapsed, verdict: verdict, band: band,
            lastLine: lastLine(capture, install))
    }

    /// The console's last line when captured, else the monitor's last message; a console xapi refused
    /// says so (the row then rests on the monitor alone).
    private func lastLine(_ capture: BackgroundCaptureState?, _ install: MonitoredInstall?) -> String {
        if let capture, case .refused = capture.status {
            return capture.status.summary + (install.map { " · " + $0.lastMessage } ?? "")
        }
        if let line = capture?.lastLine, !line.isEmpty { return line }
        return install?.lastMessage ?? ""
    }

    private func unmappedRow(_ install: MonitoredInstall) -> FleetRow {
        let rules = fleet.monitor?.rules ?? MonitorRules()
        let verdict = Self.fleetVerdict(install.verdict(rules: rules))
        return FleetRow(
            id: .sender(install.sender), name: install.sender, sender: install.sender, source: .monitor,
            task: install.currentTask ?? "", phase: verdict.isDecided && !verdict.isBad ? FAIPhase.count : install.phaseIndex,
            elapsed: install.elapsedSeconds(now: fleet.now, rules: rules), verdict: verdict, band: install.band,
            lastLine: install.lastMessage)
    }

    /// The monitor's verdict as a row verdict.
    static func fleetVerdict(_ verdict: MonitorVerdict) -> FleetRow.Verdict {
        switch verdict {
        case .running: .running
        case .succeeded: .succeeded
        case .succeededWithWarnings(let task, let code): .warnings(task: task, code: code)
        case .failed(let task, let code, let stopped): .failed(task: task, code: code, stopped: stopped)
        }
    }

    /// Console and monitor merged: a boot failure or hang only the console can see wins; otherwise
    /// the monitor's verdict (it has FAI's codes), then the console's, then whichever runs.
    static func merged(console: FleetRow.Verdict?, monitor: FleetRow.Verdict?) -> FleetRow.Verdict {
        if let console, console == .noBoot || console == .hung { return console }
        if let monitor, monitor.isDecided { return monitor }
        if let console, console.isDecided { return console }
        if console == .running || monitor == .running { return .running }
        return .waiting
    }

    private func matches(_ filter: ListFilter, _ row: FleetRow) -> Bool {
        filter.terms.allSatisfy { term in
            switch term {
            case .text(let word):
                return [row.name, row.sender ?? "", row.host, row.task, row.verdict.label, row.source.rawValue]
                    .contains { $0.lowercased().contains(word) }
            case .state(let word):
                return row.verdict.state.hasPrefix(word) || row.verdict.label.lowercased().contains(word)
            case .host(let word):
                return row.host.lowercased().contains(word)
            case .name(let word):
                return row.name.lowercased().contains(word)
            case .repository(let word):
                return row.vm.flatMap { vms[$0]?.otherConfig["install-repository"] }?.lowercased().contains(word) ?? false
            case .arguments(let word):
                return row.vm.flatMap { vms[$0]?.pvArgs }?.lowercased().contains(word) ?? false
            case .kind(let word):
                return (row.vm == nil ? "unmapped" : "vm").hasPrefix(word)
            }
        }
    }

    private func fleetOrder(_ lhs: FleetRow, _ rhs: FleetRow) -> Bool {
        let byName = { () -> Bool in
            if lhs.name != rhs.name { return lhs.name.naturallyPrecedes(rhs.name) }
            return "\(lhs.id)" < "\(rhs.id)"
        }
        var ascending: Bool
        switch fleet.sort {
        case .state:
            ascending = lhs.verdict.rank != rhs.verdict.rank ? lhs.verdict.rank < rhs.verdict.rank : byName()
        case .name:
            ascending = byName()
        case .elapsed:
            // Longest first: the attempt that has taken most time is the one to look at.
            let (left, right) = (lhs.elapsed ?? -1, rhs.elapsed ?? -1)
            ascending = left != right ? left > right : byName()
        }
        return fleet.isDescending ? !ascending : ascending
    }
}
