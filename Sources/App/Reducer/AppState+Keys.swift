import FAIControl
import TUI
import XenAPI

extension AppState {
    /// Routes a key: overlay first, then text being typed, console input mode, global keys, pane keys.
    mutating func handleKey(_ key: Key) -> [Effect] {
        if overlay != nil { return overlayKey(key) }
        if pane == .fleet, let effects = fleetKey(key) { return effects }
        if pane.isList, list(pane).isEditingFilter { return filterKey(key) }
        if pane == .console, let search = console.search, search.isEditing { return searchKey(key) }
        if pane == .console, console.isInputMode { return inputModeKey(key) }
        if let effects = tileKey(key) { return effects }
        if let effects = globalKey(key) { return effects }
        switch pane {
        case .console: return consoleKey(key)
        case .fleet: return vmActionKey(key)
        case .templates, .vms: return listKey(key)
        }
    }

    private mutating func globalKey(_ key: Key) -> [Effect]? {
        switch key {
        case .character("q"), .control("c"):
            isRunning = false
            return [.quit]
        case .control("z"):
            return [.suspend]
        case .character("?"):
            overlay = .help
            return []
        case .character("m"):
            overlay = .messages
            return []
        case .tab:
            pane = Pane(rawValue: (pane.rawValue + 1) % Pane.allCases.count) ?? .templates
            return []
        case .backTab:
            pane = Pane(rawValue: (pane.rawValue + Pane.allCases.count - 1) % Pane.allCases.count) ?? .templates
            return []
        case .character("1"):
            pane = .templates
            return []
        case .character("2"):
            pane = .vms
            return []
        case .character("3"):
            pane = .console
            return []
        case .character("4"):
            pane = .fleet
            return []
        case .escape:
            if status?.kind == .error {
                status = nil
            } else if pane == .console, console.search != nil {
                console.search = nil
            } else if pane.isList, !list(pane).filter.text.isEmpty {
                updateList(pane) { $0.filter = TextInput() }
                refreshRows()
            } else if pane == .vms, !vmList.marked.isEmpty {
                vmList.marked = []
            } else {
                status = nil
            }
            return []
        case .character("u"):
            status = StatusMessage("undoing the newest change set…")
            return [.undo(nil)]
        case .character("J"):
            overlay = .journal(JournalView())
            return [.loadJournal]
        default:
            return nil
        }
    }

    private mutating func listKey(_ key: Key) -> [Effect] {
        let rows = layout.listRows
        let count = list(pane).rows.count
        switch key {
        case .down, .character("j"): move(by: 1)
        case .up, .character("k"): move(by: -1)
        case .pageDown, .control("f"): move(by: rows)
        case .pageUp, .control("b"): move(by: -rows)
        case .home, .character("g"): updateList(pane) { $0.position = $0.position.selecting(0, count: count, visibleRows: rows) }
        case .end, .character("G"):
            updateList(pane) { $0.position = $0.position.selecting(count - 1, count: count, visibleRows: rows) }
        case .character("/"):
            updateList(pane) { $0.isEditingFilter = true }
        case .character("<"), .character(">"):
            sortKey(forward: key == .character(">"))
        case .character("I"):
            updateList(pane) { $0.sort.isDescending.toggle() }
            refreshRows()
            status = StatusMessage("\(pane.title): " + sortDescription(list(pane).sort))
        case .character(" ") where pane == .vms:
            guard let ref = vmList.selected else { return [] }
            if vmList.marked.remove(ref) == nil { vmList.marked.insert(ref) }
            move(by: 1)
        case .character("*") where pane == .vms:
            let visible = Set(vmList.rows)
            vmList.marked = visible.isSubset(of: vmList.marked) ? vmList.marked.subtracting(visible) : vmList.marked.union(visible)
            status = StatusMessage("\(vmList.marked.count) VM\(vmList.marked.count == 1 ? "" : "s") marked (r s S D act on them; Esc clears)")
        case .enter:
            guard let (ref, _) = selectedRecord else { return [] }
            if pane == .templates {
                overlay = .details(ref)
                return []
            }
            return openConsole(of: ref)
        case .character("c"):
            guard let (ref, record) = selectedRecord else { return [] }
            guard !record.isATemplate else {
                status = StatusMessage("\(record.nameLabel) is a template: templates never run, so there is no console; n installs a VM from it and opens that VM's console", kind: .error)
                return []
            }
            return openConsole(of: ref)
        case .character("d"):
            if let (ref, _) = selectedRecord { overlay = .details(ref) }
        case .character("n"):
            guard pane == .templates, let (ref, record) = selectedRecord else {
                status = StatusMessage("n: choose a template in the Templates pane (1) first")
                return []
            }
            openNewInstall(ref, record)
        case .character("C"):
            guard pane == .templates, let (ref, record) = selectedRecord else {
                status = StatusMessage("C copies a template: choose one in the Templates pane (1) first")
                return []
            }
            openCopyTemplate(ref, record)
        default:
            return vmActionKey(key)
        }
        return []
    }

    /// `<` `>`: sort the front list by the previous / next column (through the natural order).
    private mutating func sortKey(forward: Bool) {
        let count = Self.columnTitles(pane).count
        updateList(pane) { $0.sort = $0.sort.stepped(forward: forward, count: count) }
        refreshRows()
        status = StatusMessage("\(pane.title): " + sortDescription(list(pane).sort))
    }

    private func sortDescription(_ sort: SortOrder) -> String {
        guard let column = sort.column else {
            return "natural order" + (sort.isDescending ? ", reversed" : "") + " (< > pick a column, I reverses)"
        }
        return "sorted by \(Self.columnTitles(pane)[column]) \(sort.isDescending ? "▼" : "▲") (< > column, I reverses)"
    }

    /// Keys acting on the selected VM or template, shared by the list panes and the console pane.
    private mutating func vmActionKey(_ key: Key) -> [Effect] {
        if pane == .vms, !vmList.marked.isEmpty, let effects = markedVMsKey(key, vmList.markedInOrder) { return effects }
        if pane == .fleet, !fleet.marked.isEmpty, let effects = markedVMsKey(key, fleet.markedInOrder) { return effects }
        guard let (ref, record) = selectedRecord else { return [] }
        switch key {
        case .character("e"):
            overlay = record.isDefaultTemplate ? .vendorTemplate(ref) : .editForm(EditForm(target: ref, record: record))
        case .character("R"):
            guard !record.isDefaultTemplate else {
                status = StatusMessage("\(record.nameLabel) is a vendor default template: it keeps its name; C copies it under a name of yours", kind: .error)
                return []
            }
            openRename(ref, record)
        case .character("D"):
            return destroyKey([(ref, record)])
        case .character("h"), .character("b"):
            return politePowerKey(key == .character("h"), ref, record)
        case .character("r"):
            guard !record.isATemplate else {
                status = StatusMessage("\(record.nameLabel) is a template: rearm works on VMs; n makes a new install from it", kind: .error)
                return []
            }
            return rearmKey(ref, record)
        case .character("s"):
            guard !record.isATemplate else {
                status = StatusMessage("\(record.nameLabel) is a template: n makes a VM from it", kind: .error)
                return []
            }
            status = StatusMessage("starting \(record.nameLabel)…")
            return [.startVM(ref)]
        case .character("S"):
            guard !record.isATemplate else {
                status = StatusMessage("\(record.nameLabel) is a template: templates never run, so there is nothing to shut down", kind: .error)
                return []
            }
            overlay = .confirm(Confirmation(
                question: "Hard shutdown of \(record.nameLabel)? Unsaved guest state is lost.",
                effect: .hardShutdownVM(ref)))
        case .character("p"):
            status = StatusMessage("preflight of \(record.nameLabel)…")
            return [.preflight(ref)]
        default:
            break
        }
        return []
    }

    private mutating func rearmKey(_ ref: Ref<VMRecord>, _ record: VMRecord) -> [Effect] {
        let plan: RearmPlan
        let bare: RearmPlan
        do {
            plan = try rearmPlan(ref, record, force: true, withMonitor: true)
            bare = try rearmPlan(ref, record, force: true)
        } catch {
            status = StatusMessage(error.description, kind: .error)
            return []
        }
        if plan.isAlreadyArmed {
            status = StatusMessage("\(record.nameLabel) is already armed: it installs on next start")
            return []
        }
        if plan != bare {
            // The monitor arguments are offered as the CLI's rearm --monitor adds them: the plan is
            // shown, y takes it, w rearms without them.
            let line = rearmLine(ref, record, withMonitor: true)
            var question = ["Rearm \(line.text)", "", monitorNote ?? ""]
            question += ["", "Equivalent xe commands:"] + line.xe.map { "  " + $0 }
            overlay = .confirm(Confirmation(
                question: question.joined(separator: "\n"), effect: .rearm(plan),
                alternative: bare.isAlreadyArmed ? nil : .init(key: "w", label: "without monitor args", effect: .rearm(bare))))
            return []
        }
        if !plan.shutsDownFirst {
            status = StatusMessage("rearming \(record.nameLabel)…")
            return [.rearm(plan)]
        }
        overlay = .confirm(Confirmation(
            question: "\(record.nameLabel) is \(record.powerState.rawValue.lowercased()): hard shutdown and rearm?",
            effect: .rearm(plan)))
        return []
    }

    private mutating func consoleKey(_ key: Key) -> [Effect] {
        let rows = consoleTextRows
        switch key {
        case .up, .character("k"): scrollConsole(by: 1)
        case .down, .character("j"): scrollConsole(by: -1)
        case .pageUp, .control("b"): scrollConsole(by: rows)
        case .pageDown, .control("f"): scrollConsole(by: -rows)
        case .home, .character("g"): scrollConsole(by: console.lineCount)
        case .end, .character("G"), .character("f"):
            console.scrollBack = 0
            console.isFollowing = true
        case .character("/"):
            console.search = ConsoleSearch()
        case .character("n"): stepSearch(forward: true)
        case .character("N"): stepSearch(forward: false)
        case .enter, .character("i"):
            guard case .attached = console.link else {
                status = StatusMessage("input mode needs an attached console (\(console.link.summary))")
                return []
            }
            console.isInputMode = true
        case .character("L"):
            guard let vm = console.vm else { return [] }
            return [.saveConsoleCapture(vmName: vms[vm]?.nameLabel ?? vm.rawValue)]
        case .character("Y"):
            return [.copyConsoleText(matchLine: console.search?.currentMatch?.line, scrollBack: console.scrollBack)]
        default:
            return vmActionKey(key)
        }
        return []
    }

    private mutating func inputModeKey(_ key: Key) -> [Effect] {
        if key == .control("]") {
            console.isInputMode = false
            return []
        }
        let bytes = ConsoleInput.bytes(for: key)
        guard !bytes.isEmpty, let vm = console.vm else { return [] }
        return [.sendToCapture(vm: vm, bytes)]
    }

    private mutating func filterKey(_ key: Key) -> [Effect] {
        switch key {
        case .enter:
            updateList(pane) { $0.isEditingFilter = false }
        case .escape:
            updateList(pane) {
                $0.isEditingFilter = false
                $0.filter = TextInput()
            }
            refreshRows()
        case .up, .down, .pageUp, .pageDown:
            updateList(pane) { $0.isEditingFilter = false }
            return listKey(key)
        default:
            var input = list(pane).filter
            guard input.apply(key) else { return [] }
            updateList(pane) { $0.filter = input }
            refreshRows()
        }
        return []
    }

    private mutating func searchKey(_ key: Key) -> [Effect] {
        guard var search = console.search else { return [] }
        switch key {
        case .enter:
            search.isEditing = false
            console.search = search.input.text.isEmpty ? nil : search
            return []
        case .escape:
            console.search = nil
            return []
        default:
            guard search.input.apply(key) else { return [] }
            console.search = search
            return search.input.text.isEmpty ? [] : [.searchConsole(search.input.text)]
        }
    }

    private mutating func move(by delta: Int) {
        let count = list(pane).rows.count
        let rows = layout.listRows
        updateList(pane) { $0.position = $0.position.moved(by: delta, count: count, visibleRows: rows) }
    }

    mutating func updateList(_ pane: Pane, _ change: (inout ListState) -> Void) {
        if pane == .templates { change(&templates) } else if pane == .vms { change(&vmList) }
    }
}
