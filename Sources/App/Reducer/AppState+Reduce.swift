import TUI
import XenAPI

extension AppState {
    /// Applies one fact and returns the effects to perform, in order. Pure: no I/O, no clock.
    public mutating func reduce(_ action: Action) -> [Effect] {
        let (phasesBefore, capturesBefore) = (phases, captures.byVM)
        let effects = reduceAction(action)
        var begins = false
        for effect in effects { begins = noteAttempts(effect) || begins }
        if begins || phases != phasesBefore || captures.byVM != capturesBefore { refreshFleetRows() }
        return effects
    }

    /// Starts and rearms this TUI sends begin install attempts (the fleet pane's rows).
    private mutating func noteAttempts(_ effect: Effect) -> Bool {
        switch effect {
        case .startVM(let vm):
            // Starting a VM that runs already begins nothing (the pool refuses it).
            guard vms[vm]?.powerState == .halted else { return false }
            beginAttempt(vm)
            return true
        case .rearm(let plan):
            beginAttempt(Ref(plan.changes.target.ref))
            return true
        case .batch(let effects):
            return effects.reduce(false) { noteAttempts($1) || $0 }
        default:
            return false
        }
    }

    private mutating func reduceAction(_ action: Action) -> [Effect] {
        switch action {
        case .keyPressed(let key):
            return handleKey(key)
        case .resized(let size):
            self.size = size
            clampLists()
            return []
        case .terminationRequested:
            isRunning = false
            return [.quit]
        case .poolChanged(let snapshot):
            return apply(snapshot)
        case .connectionChanged(let state):
            let wasDown = connection != .connected && connection != .connecting
            connection = state
            if state == .connected, wasDown {
                // The status line describes the present: an error from while the pool was away is in the log (m).
                status = StatusMessage("reconnected to the pool" + (status?.kind == .error ? " (the earlier error is in the message log: m)" : ""), kind: .success)
            }
            guard state == .connected, !hasReconciledJournal else { return [] }
            hasReconciledJournal = true
            return [.reconcileJournal]
        case .consoleAdvanced(let lineCount, let phase, let progress):
            return consoleAdvanced(lineCount: lineCount, phase: phase, progress: progress)
        case .consoleFailureRead(let report):
            if console.failure?.summary != report.summary {
                // As the CLI's summary: the failed task and FAI's first error line; d lists them all.
                status = StatusMessage(report.summary + " (d: FAI's error lines, Enter jumps to them; r rearms)", kind: .error)
            }
            console.failure = report
            if let vm = console.vm { failures[vm] = report }
            return []
        case .consoleSearched(let needle, let matches):
            return consoleSearched(needle: needle, matches: matches)
        case .operationSucceeded(let outcome):
            status = StatusMessage(outcome.summary, kind: .success, xeCommands: outcome.xeCommands)
            return []
        case .operationFailed(let message):
            status = StatusMessage(message, kind: .error)
            return []
        case .installCreated(let vm, let outcome):
            status = StatusMessage(outcome.summary + "; starting it", kind: .success, xeCommands: outcome.xeCommands)
            var effects = openConsole(of: vm)
            effects.append(.startVM(vm))
            return effects
        case .destroyPlanned(let plans, let refused):
            return destroyPlanned(plans, refused: refused)
        case .journalLoaded(let contents):
            return journalLoaded(contents)
        case .journalReconciled(let sets):
            return journalReconciled(sets)
        case .preflightCompleted(let vm, let report):
            let name = vms[vm]?.nameLabel ?? vm.rawValue
            overlay = .preflight(name: name, report)
            let failed = report.checks.filter { $0.status == .fail }.count
            status = report.passed
                ? StatusMessage("preflight of \(name): all checks passed", kind: .success)
                : StatusMessage("preflight of \(name): \(failed) check\(failed == 1 ? "" : "s") failed", kind: .error)
            return []
        case .captureSaved(let path, let lines):
            status = StatusMessage("saved \(lines) console lines to \(path)", kind: .success)
            return []
        case .clipboardCopied(let lines):
            status = StatusMessage("copied \(lines) line\(lines == 1 ? "" : "s") to the clipboard (OSC 52)")
            return []
        case .captureStatusChanged(let vm, let id, let status):
            return captureStatusChanged(vm: vm, id: id, status: status)
        case .captureAdvanced(let vm, let id, let reading):
            return captureAdvanced(vm: vm, id: id, reading)
        case .captureFailureRead(let vm, let report):
            failures[vm] = report
            return []
        case .monitorChanged(let monitor, let time):
            return monitorChanged(monitor, at: time)
        case .clockTicked(let time):
            return clockTicked(time)
        case .consoleHostNameRead(let vm, let name):
            return consoleHostNameRead(vm: vm, name: name)
        }
    }

    /// Re-clamps both lists after a size or content change.
    mutating func clampLists() {
        let rows = layout.listRows
        templates.position = templates.position.clamped(count: templates.rows.count, visibleRows: rows)
        vmList.position = vmList.position.clamped(count: vmList.rows.count, visibleRows: rows)
        fleet.position = fleet.position.clamped(count: fleet.rows.count, visibleRows: rows)
        console.scrollBack = min(console.scrollBack, maxScrollBack)
    }

    /// How far the console can scroll back.
    var maxScrollBack: Int { max(0, console.lineCount - consoleTextRows) }
}
