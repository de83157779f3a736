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
    /// the focused tile's place). Every console shown is captured: a VM captured in the background
    /// shows its history since capture began, on the same connection.
    mutating func showConsole(of vm: Ref<VMRecord>) -> [Effect] {
        if console.vm == vm, console.link != .idle { return [] }
        var tiles = console.tiles
        if !tiles.contains(vm), let old = console.vm, let index = tiles.firstIndex(of: old) { tiles[index] = vm }
        console = ConsoleState()
        console.tiles = tiles
        console.vm = vm
        console.lastSeen = vms[vm]
        var effects: [Effect] = [.resetConsoleBuffer]
        effects += planCaptures()
        return effects
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
