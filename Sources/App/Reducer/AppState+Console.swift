import Terminal
import XenAPI

extension AppState {
    /// Shows the console pane for `vm`, starting a fresh capture when it is a different VM.
    mutating func openConsole(of vm: Ref<VMRecord>) -> [Effect] {
        pane = .console
        overlay = nil
        return showConsole(of: vm)
    }

    /// Makes `vm` the console shown (the focused tile when consoles are tiled: a VM not tiled takes
    /// the focused tile's place), with its capture's history when it has one.
    mutating func showConsole(of vm: Ref<VMRecord>) -> [Effect] {
        if console.vm == vm, console.link != .idle { return [] }
        var effects: [Effect] = console.link == .idle || console.sharesCapture ? [] : [.disconnectConsole]
        var tiles = console.tiles
        if !tiles.contains(vm), let old = console.vm, let index = tiles.firstIndex(of: old) { tiles[index] = vm }
        console = ConsoleState()
        console.tiles = tiles
        console.vm = vm
        console.lastSeen = vms[vm]
        // An install attempt's console is its background capture (history, one connection); any
        // other console connects on its own.
        console.sharesCapture = captures.byVM[vm] != nil || tiles.contains(vm)
            || (captures.limit > 0 && vms[vm].map { isInstallAttempt(vm, $0) } == true)
        effects.append(.resetConsoleBuffer)
        if !console.sharesCapture { phases[vm] = nil }
        effects += planCaptures()
        effects += reattachConsole()
        return effects
    }

    /// Connects to the VM's current text console, or waits for the VM to start.
    mutating func reattachConsole() -> [Effect] {
        guard let vm = console.vm else { return [] }
        console.generation += 1
        guard !console.sharesCapture else {
            mirrorCaptureLink()
            return []
        }
        guard let (ref, record) = textConsole(of: vm), vms[vm]?.powerState == .running else {
            console.link = .waitingForPowerOn
            return []
        }
        console.link = .connecting(ref)
        return [.connectConsole(record, generation: console.generation)]
    }

    /// Console connection `generation` attached (at first, or again after the follower lost it).
    mutating func consoleAttached(generation: Int) -> [Effect] {
        guard generation == console.generation, let vm = console.vm else { return [] }
        switch console.link {
        case .connecting(let ref):
            console.link = .attached(ref)
        case .retrying:
            guard let (ref, _) = textConsole(of: vm) else { return [] }
            console.link = .attached(ref)
        default:
            return []
        }
        console.attempts = 0
        return []
    }

    /// The follower stopped (the VM stopped, or it gave up): wait for power-on, or start again with
    /// exponential backoff (0.5 s … 30 s). Drops while the VM runs are the follower's to retry.
    mutating func consoleDropped(reason: String) -> [Effect] {
        guard let vm = console.vm, vms[vm]?.powerState == .running else {
            console.link = console.vm == nil ? .idle : .waitingForPowerOn
            return []
        }
        if case .attached(let ref) = console.link, let current = textConsole(of: vm), current.0 != ref {
            return reattachConsole()
        }
        let delay = ConsoleBackoff.delayMilliseconds(afterAttempts: console.attempts)
        console.attempts += 1
        console.link = .retrying(delayMilliseconds: delay, reason: reason)
        return [.scheduleConsoleRetry(generation: console.generation, milliseconds: delay)]
    }

    /// New output arrived: keep the view where the operator left it unless following.
    mutating func consoleAdvanced(lineCount: Int, phase: InstallPhase, progress: String) -> [Effect] {
        let added = lineCount - console.lineCount
        console.lineCount = lineCount
        if !console.isFollowing && added > 0 {
            console.scrollBack = min(console.scrollBack + added, maxScrollBack)
        }
        console.progress = progress
        // Facts are read from a running domain; a halted VM keeps those of its last attempt.
        if let vm = console.vm, phase != .unknown, let domain = vms[vm]?.domid, domain > 0 {
            phases[vm] = AttemptPhase(domain: domain, phase: phase)
        }
        return []
    }

    /// A search finished: select the match nearest the bottom of the view, keeping context around it.
    mutating func consoleSearched(needle: String, matches: [SearchMatch]) -> [Effect] {
        guard var search = console.search, search.input.text == needle else { return [] }
        search.matches = matches
        let bottomLine = console.lineCount - 1 - console.scrollBack
        search.current = matches.isEmpty ? nil : (matches.lastIndex { $0.line <= bottomLine } ?? matches.count - 1)
        console.search = search
        if let match = search.currentMatch { scrollConsole(toShow: match.line) }
        if matches.isEmpty && !needle.isEmpty { status = StatusMessage("no match for \"\(needle)\"") }
        return []
    }

    /// Moves to the next (`forward`) or previous match.
    mutating func stepSearch(forward: Bool) {
        guard var search = console.search, !search.matches.isEmpty else { return }
        let count = search.matches.count
        let current = search.current ?? (forward ? -1 : count)
        search.current = ((forward ? current + 1 : current - 1) % count + count) % count
        console.search = search
        if let match = search.currentMatch {
            scrollConsole(toShow: match.line)
            status = StatusMessage("match \((search.current ?? 0) + 1) of \(count)")
        }
    }

    /// Scrolls so `line` is visible, a third from the top, and stops following.
    mutating func scrollConsole(toShow line: Int) {
        let rows = consoleTextRows
        let top = console.lineCount - rows - console.scrollBack
        guard line < top || line >= top + rows else { return }
        let wantedTop = max(0, line - rows / 3)
        console.scrollBack = max(0, min(maxScrollBack, console.lineCount - rows - wantedTop))
        console.isFollowing = console.scrollBack == 0
    }

    /// Scrolls by `delta` lines (positive = back in time).
    mutating func scrollConsole(by delta: Int) {
        console.scrollBack = max(0, min(maxScrollBack, console.scrollBack + delta))
        console.isFollowing = console.scrollBack == 0
    }
}
