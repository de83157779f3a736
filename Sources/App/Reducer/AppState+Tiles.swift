import TUI
import XenAPI

extension AppState {
    /// `+` `-` and, between tiles, `Tab` `Shift-Tab`; nil for other keys.
    ///
    /// The tiles sit in the tab order between the console pane and the next pane: `Tab` moves to the
    /// next tile and, from the last one, on to the next pane, so `Tab` keeps meaning "next".
    mutating func tileKey(_ key: Key) -> [Effect]? {
        switch key {
        case .character("+"):
            return addTile()
        case .character("-"):
            guard !console.tiles.isEmpty else {
                status = StatusMessage("- removes a tiled console: + tiles the selected VM's console first")
                return []
            }
            return removeFocusedTile()
        case .tab, .backTab:
            guard pane == .console, let vm = console.vm, let index = console.tiles.firstIndex(of: vm) else { return nil }
            let next = index + (key == .tab ? 1 : -1)
            guard console.tiles.indices.contains(next) else { return nil }
            return showConsole(of: console.tiles[next])
        default:
            return nil
        }
    }

    /// `+`: tiles the selected VM's console next to the ones shown (the console shown becomes the
    /// first tile), up to ``ConsoleState/tileLimit``; every tile is captured.
    private mutating func addTile() -> [Effect] {
        guard let (vm, record) = selectedRecord, !record.isATemplate, !record.isControlDomain else {
            status = StatusMessage("+ tiles a VM's console: choose a VM (2) first")
            return []
        }
        guard !console.tiles.contains(vm) else {
            status = StatusMessage("\(record.nameLabel) is tiled already (Tab moves between tiles, - removes the focused one)")
            return []
        }
        guard console.tiles.count < ConsoleState.tileLimit else {
            status = StatusMessage("at most \(ConsoleState.tileLimit) consoles are tiled: - removes the focused one", kind: .error)
            return []
        }
        var effects: [Effect] = []
        if console.tiles.isEmpty, let current = console.vm, current != vm {
            // The console shown becomes the first tile.
            console.tiles = [current]
        }
        console.tiles.append(vm)
        if console.vm == nil { effects += showConsole(of: vm) }
        effects += planCaptures()
        status = StatusMessage("\(record.nameLabel) tiled (\(console.tiles.count) of \(ConsoleState.tileLimit)): Tab moves between tiles, - removes the focused one")
        return effects
    }

    /// `-`: removes the focused tile; the focus moves to the tile after it (or the last one). With
    /// one tile left the console shows that VM alone.
    private mutating func removeFocusedTile() -> [Effect] {
        let focused = console.vm.flatMap { console.tiles.firstIndex(of: $0) } ?? console.tiles.count - 1
        let removed = console.tiles.remove(at: focused)
        let name = vms[removed]?.nameLabel ?? removed.rawValue
        status = StatusMessage("\(name) untiled" + (console.tiles.isEmpty ? "" : " (\(console.tiles.count) left)"))
        guard !console.tiles.isEmpty else {
            // The last tile: its VM's console stays shown on its own.
            return planCaptures()
        }
        let next = console.tiles[min(focused, console.tiles.count - 1)]
        if console.tiles.count == 1 { console.tiles = [] }
        var effects = showConsole(of: next)
        effects += planCaptures()
        return effects
    }

    /// Rows of the open console's text on screen: its tile's when consoles are tiled.
    var consoleTextRows: Int {
        guard console.tiles.count > 1, let vm = console.vm, let index = console.tiles.firstIndex(of: vm) else { return layout.consoleRows }
        return max(1, layout.tileAreas(count: console.tiles.count)[index].height - 1)
    }
}
