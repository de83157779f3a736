import TUI
import XenAPI

extension AppState {
    /// Keys of the fleet pane: move, `/` filter, `f` state filter, `<` `>` `I` sort, Space `*` mark,
    /// Enter `c` console, `d` details, Esc clears; `nil` for keys it leaves to the global and VM keys (`r` `s` …).
    mutating func fleetKey(_ key: Key) -> [Effect]? {
        if fleet.isEditingFilter { return fleetFilterKey(key) }
        let rows = layout.listRows
        let count = fleet.rows.count
        switch key {
        case .down, .character("j"): fleet.position = fleet.position.moved(by: 1, count: count, visibleRows: rows)
        case .up, .character("k"): fleet.position = fleet.position.moved(by: -1, count: count, visibleRows: rows)
        case .pageDown, .control("f"): fleet.position = fleet.position.moved(by: rows, count: count, visibleRows: rows)
        case .pageUp, .control("b"): fleet.position = fleet.position.moved(by: -rows, count: count, visibleRows: rows)
        case .home, .character("g"): fleet.position = fleet.position.selecting(0, count: count, visibleRows: rows)
        case .end, .character("G"): fleet.position = fleet.position.selecting(count - 1, count: count, visibleRows: rows)
        case .character("/"):
            fleet.isEditingFilter = true
        case .character("<"), .character(">"):
            let all = FleetState.Sort.allCases
            let step = key == .character(">") ? 1 : all.count - 1
            fleet.sort = all[(fleet.sort.rawValue + step) % all.count]
            refreshFleetRows()
            status = StatusMessage("Fleet: sorted by \(fleet.sort.title) (< > change, I reverses)")
        case .character("I"):
            fleet.isDescending.toggle()
            refreshFleetRows()
            status = StatusMessage("Fleet: sorted by \(fleet.sort.title)\(fleet.isDescending ? ", reversed" : "")")
        case .character("f"):
            let all = FleetState.StateFilter.allCases
            fleet.stateFilter = all[(fleet.stateFilter.rawValue + 1) % all.count]
            refreshFleetRows()
            status = StatusMessage("Fleet: showing \(fleet.stateFilter.title) (f: all → running → failed → ok)")
        case .character(" "):
            guard let vm = fleet.selected?.vm else {
                if fleet.selected != nil {
                    status = StatusMessage("an unmapped sender is no VM of this pool: nothing to mark", kind: .error)
                }
                return []
            }
            if fleet.marked.remove(vm) == nil { fleet.marked.insert(vm) }
            fleet.position = fleet.position.moved(by: 1, count: count, visibleRows: rows)
        case .character("*"):
            let visible = Set(fleet.rows.compactMap(\.vm))
            fleet.marked = visible.isSubset(of: fleet.marked) ? fleet.marked.subtracting(visible) : fleet.marked.union(visible)
            status = StatusMessage("\(fleet.marked.count) VM\(fleet.marked.count == 1 ? "" : "s") marked (r s S act on them; Esc clears)")
        case .escape where status?.kind != .error && (!fleet.filter.text.isEmpty || fleet.stateFilter != .all):
            fleet.filter = TextInput()
            fleet.stateFilter = .all
            refreshFleetRows()
        case .escape where status?.kind != .error && !fleet.marked.isEmpty:
            fleet.marked = []
        case .enter, .character("c"):
            guard let row = fleet.selected else { return [] }
            guard let vm = row.vm else {
                status = StatusMessage("\(row.name) maps to no VM of this pool (FAI_SENDID=mac matches a VIF's MAC; host names match a name-label or the host name its console printed)", kind: .error)
                return []
            }
            return openConsole(of: vm)
        case .character("d"):
            guard let vm = fleet.selected?.vm else { return [] }
            overlay = .details(vm)
        default:
            return nil
        }
        return []
    }

    private mutating func fleetFilterKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            fleet.isEditingFilter = false
        case .escape:
            fleet.isEditingFilter = false
            fleet.filter = TextInput()
            refreshFleetRows()
        case .up, .down, .pageUp, .pageDown:
            fleet.isEditingFilter = false
            return fleetKey(key) ?? []
        default:
            var input = fleet.filter
            guard input.apply(key) else { return [] }
            fleet.filter = input
            refreshFleetRows()
        }
        return []
    }
}
