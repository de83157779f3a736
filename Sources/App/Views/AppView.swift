public import TUI
public import XenAPI

/// Draws the whole screen from the state (and the console capture): a pure function of its inputs.
public struct AppView {
    /// The state to draw.
    public let state: AppState
    /// The console capture, when a console is open.
    public let console: (any ConsoleLines)?
    /// The captures of the tiled consoles, by VM (those captured so far).
    public let tiles: [Ref<VMRecord>: any ConsoleLines]

    /// Creates a view.
    public init(state: AppState, console: (any ConsoleLines)?, tiles: [Ref<VMRecord>: any ConsoleLines] = [:]) {
        self.state = state
        self.console = console
        self.tiles = tiles
    }

    /// Renders into a fresh canvas of the state's size; returns it with the text cursor position.
    public func render() -> (canvas: Canvas, cursor: Point?) {
        var canvas = Canvas(size: state.size)
        let layout = state.layout
        renderTabs(into: &canvas, area: layout.tabBar)
        var cursor: Point?
        if layout.isThreePane, state.listPane == .fleet {
            // The fleet takes the width of both lists above the console.
            let area = Rect(x: layout.templatesArea.x, y: layout.templatesArea.y,
                            width: layout.vmsArea.maxX - layout.templatesArea.x, height: layout.templatesArea.height)
            let (title, table) = area.splitTop(1)
            let focused = state.pane == .fleet
            renderListTitle(.fleet, into: &canvas, area: title, isFocused: focused)
            renderList(.fleet, into: &canvas, area: table, isFocused: focused)
            cursor = renderConsoles(into: &canvas, layout: layout, focus: .marked(state.pane == .console))
        } else if layout.isThreePane {
            for (pane, area) in [(Pane.templates, layout.templatesArea), (.vms, layout.vmsArea)] {
                let (title, table) = area.splitTop(1)
                renderListTitle(pane, into: &canvas, area: title, isFocused: state.pane == pane)
                renderList(pane, into: &canvas, area: table, isFocused: state.pane == pane)
            }
            let gap = Rect(x: layout.templatesArea.maxX, y: layout.templatesArea.y, width: 1, height: layout.templatesArea.height)
            for y in gap.y..<gap.maxY { canvas.write("│", at: Point(x: gap.x, y: y), role: .dim) }
            cursor = renderConsoles(into: &canvas, layout: layout, focus: .marked(state.pane == .console))
        } else if layout.isSplit {
            let listFocused = state.pane == state.listPane
            renderListTitle(state.listPane, into: &canvas, area: layout.listTitle, isFocused: listFocused)
            renderList(state.listPane, into: &canvas, area: layout.listArea, isFocused: listFocused)
            cursor = renderConsoles(into: &canvas, layout: layout, focus: .marked(state.pane == .console))
        } else if state.pane == .console {
            cursor = renderConsoles(into: &canvas, layout: layout, focus: .alone)
        } else {
            renderList(state.pane, into: &canvas, area: layout.listArea, isFocused: true)
        }
        if state.pane != .console, isEditingFilter(state.pane) {
            cursor = filterCursor(layout.tabBar)
        }
        if let overlay = state.overlay {
            cursor = OverlayView(state: state).render(overlay, into: &canvas, area: layout.body)
        }
        renderStatus(into: &canvas, area: layout.statusBar)
        HintBarView(hints: KeyMap.hints(for: state)).render(into: &canvas, area: layout.hintBar)
        return (canvas, cursor)
    }

    /// The console area: the open console, or the tiles side by side (the focused one marked `▸`
    /// while the console pane has the focus). Returns the text cursor of the open console.
    private func renderConsoles(into canvas: inout Canvas, layout: Layout, focus: ConsolePaneView.Focus) -> Point? {
        let tiles = state.console.tiles
        guard tiles.count > 1 else {
            return ConsolePaneView(state: state, lines: console, focus: focus).render(into: &canvas, area: layout.consoleArea)
        }
        var cursor: Point?
        for (vm, area) in zip(tiles, layout.tileAreas(count: tiles.count)) {
            let isOpen = vm == state.console.vm
            let tileFocus = ConsolePaneView.Focus.marked(isOpen && state.pane == .console)
            let drawn = ConsolePaneView(state: state, tile: vm, lines: isOpen ? console : self.tiles[vm], focus: tileFocus)
                .render(into: &canvas, area: area)
            if isOpen { cursor = drawn }
            if area.maxX < layout.consoleArea.maxX {
                for y in area.y..<area.maxY { canvas.write("│", at: Point(x: area.maxX, y: y), role: .dim) }
            }
        }
        return cursor
    }

    private func renderList(_ pane: Pane, into canvas: inout Canvas, area: Rect, isFocused: Bool) {
        if pane == .fleet {
            FleetPaneView(state: state, console: console, isFocused: isFocused).render(into: &canvas, area: area)
        } else if pane == .vms {
            VMsPaneView(state: state, isFocused: isFocused).render(into: &canvas, area: area)
        } else {
            TemplatesPaneView(state: state, isFocused: isFocused).render(into: &canvas, area: area)
        }
    }

    /// The split layout's list title: pane, row count and filter; highlighted and marked `▸` with the focus.
    private func renderListTitle(_ pane: Pane, into canvas: inout Canvas, area: Rect, isFocused: Bool) {
        var text = "\(isFocused ? "▸" : " ") \(pane.rawValue + 1) \(pane.title)"
        if pane == .fleet {
            text += " (\(state.fleet.rows.count)) · " + fleetFacts(withFilter: true)
        } else {
            let list = state.list(pane)
            text += " (\(list.rows.count))"
            if !list.filter.text.isEmpty { text += " · filter /\(list.filter.text)" }
        }
        let role: Role = isFocused ? .selection : .title
        canvas.fill(area, with: TUI.Cell(" ", role: role))
        canvas.write(text, at: area.origin, role: role, attributes: isFocused ? .bold : [], clip: area)
    }

    /// The fleet's sort, state filter, `/` filter and monitor source, for its title and the tab bar.
    private func fleetFacts(withFilter: Bool) -> String {
        let fleet = state.fleet
        var facts = ["sort \(fleet.sort.title)\(fleet.isDescending ? " ▼" : " ▲")"]
        if fleet.stateFilter != .all { facts.append("show \(fleet.stateFilter.title)") }
        if withFilter, !fleet.filter.text.isEmpty { facts.append("filter /\(fleet.filter.text)") }
        facts.append(fleet.monitorSource.map { "monitor \($0)" } ?? "no monitor")
        return facts.joined(separator: " · ")
    }

    private func isEditingFilter(_ pane: Pane) -> Bool {
        pane == .fleet ? state.fleet.isEditingFilter : pane.isList && state.list(pane).isEditingFilter
    }

    private func filterInput(_ pane: Pane) -> TextInput {
        pane == .fleet ? state.fleet.filter : state.list(pane).filter
    }

    private var filterText: String? {
        guard state.pane != .console else { return nil }
        let input = filterInput(state.pane)
        guard isEditingFilter(state.pane) || !input.text.isEmpty else { return nil }
        return "/" + input.text
    }

    private func renderTabs(into canvas: inout Canvas, area: Rect) {
        canvas.fill(area, with: TUI.Cell(" ", role: .statusBar))
        var x = area.x + canvas.write(" xsfai ", at: area.origin, role: .statusBar, attributes: .bold)
        for pane in Pane.allCases {
            let label = " \(pane.rawValue + 1) \(pane.title) "
            let role: Role = pane == state.pane ? .selection : .statusBar
            x += canvas.write(label, at: Point(x: x, y: area.y), role: role, attributes: pane == state.pane ? .bold : [],
                              clip: area)
        }
        var right = counts
        if let filter = filterText { right = "filter \(filter)  " + right }
        let text = right.truncated(toWidth: max(0, area.maxX - x - 2))
        canvas.write(text, at: Point(x: area.maxX - text.displayWidth - 1, y: area.y), role: .statusBar, clip: area)
    }

    private var counts: String {
        switch state.pane {
        case .templates: "\(state.templates.rows.count) templates"
        case .vms: "\(state.vmList.rows.count) VMs"
        case .console: ""
        case .fleet: "\(state.fleet.rows.count) installs · " + fleetFacts(withFilter: false)
        }
    }

    private func filterCursor(_ tabBar: Rect) -> Point? {
        guard let filter = filterText else { return nil }
        let right = "filter \(filter)  " + counts
        let start = tabBar.maxX - right.displayWidth - 1
        return Point(x: start + "filter /".count + filterInput(state.pane).cursorColumn, y: tabBar.y)
    }

    private func renderStatus(into canvas: inout Canvas, area: Rect) {
        let pool = state.poolName.isEmpty ? "" : "pool \(state.poolName) · "
        var origin = Substring(state.origin)
        for scheme in ["https://", "http://"] where origin.hasPrefix(scheme) { origin = origin.dropFirst(scheme.count) }
        // Most important last: the status bar cuts facts from the front when the row is short.
        var facts = "\(pool)\(state.user)@\(origin)"
        if case .retrying = state.console.link { facts += " · console \(state.console.link.summary)" }
        facts += state.connection == .connected ? " · connected" : " · ⚠ \(state.connection.summary)"
        let message: String
        let role: Role
        if let status = state.status {
            message = " " + status.line
            role = status.kind == .error ? .error : status.kind == .success ? .success : .statusBar
        } else {
            message = ""
            role = .statusBar
        }
        StatusBarView(message: message, messageRole: role, facts: facts + " ").render(into: &canvas, area: area)
    }
}
