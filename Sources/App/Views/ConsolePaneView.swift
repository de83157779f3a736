import Terminal
import TUI
import XenAPI

/// Draws the console pane: a title line (VM, link, follow, FAI progress, search) and the capture.
struct ConsolePaneView {
    /// How the title line shows the focus.
    enum Focus: Equatable {
        /// The console fills the body alone: nothing to mark.
        case alone
        /// The console shares the body (split layout): the title is highlighted and marked `▸` with the focus.
        case marked(Bool)
    }

    let state: AppState
    let lines: (any ConsoleLines)?
    var focus = Focus.alone
    /// The console drawn: the open one (scrolling, search, input) unless a tile of another VM.
    var console: ConsoleState

    /// Draws the open console.
    init(state: AppState, lines: (any ConsoleLines)?, focus: Focus = .alone) {
        self.state = state
        self.lines = lines
        self.focus = focus
        console = state.console
    }

    /// Draws the tile of `vm`: the open console if it is the focused tile, else `vm`'s capture
    /// following its newest output.
    init(state: AppState, tile vm: Ref<VMRecord>, lines: (any ConsoleLines)?, focus: Focus) {
        self.init(state: state, lines: lines, focus: focus)
        guard state.console.vm != vm else { return }
        console = ConsoleState()
        console.vm = vm
        console.lineCount = lines?.lineCount ?? 0
        let capture = state.captures[vm]
        console.progress = capture?.progress ?? ""
        switch capture?.status {
        case .capturing: console.link = capture?.console.map(ConsoleLink.attached) ?? .waitingForPowerOn
        case .connecting: console.link = capture?.console.map(ConsoleLink.connecting) ?? .waitingForPowerOn
        case .retrying(let delay, let reason): console.link = .retrying(delayMilliseconds: delay, reason: reason)
        case .refused(let holder): console.link = .retrying(delayMilliseconds: ConsoleBackoff.refusedDelayMilliseconds, reason: "refused (HTTP 503), held by \(holder)")
        case .waitingForSlot, .finished, nil: console.link = .waitingForPowerOn
        }
    }

    /// Draws and returns where the text cursor goes (search prompt, or the guest's cursor in input mode).
    func render(into canvas: inout Canvas, area: Rect) -> Point? {
        guard !area.isEmpty else { return nil }
        let (titleArea, textArea) = area.splitTop(1)
        let cursor = renderTitle(into: &canvas, area: titleArea)
        guard console.vm != nil, let lines else {
            canvas.write("No console open. Choose a VM in the VMs pane (2) and press Enter or c.",
                         at: Point(x: textArea.x + 1, y: textArea.y), role: .dim, clip: textArea)
            return cursor
        }
        let count = lines.lineCount
        let top = max(0, count - textArea.height - console.scrollBack)
        let current = console.search?.currentMatch
        for row in 0..<textArea.height {
            let index = top + row
            guard index < count else { break }
            let y = textArea.y + row
            var x = textArea.x
            for cell in lines.cells(ofLine: index) {
                if x >= textArea.maxX { break }
                if cell.isContinuation { continue }
                if x + cell.width > textArea.maxX { break }
                let cellRole = role(cell.style)
                let cellAttributes = attributes(cell.style)
                if cell.style.attributes.contains(.hidden) {
                    // Concealed (SGR 8), e.g. a password echoed by the guest: blanks in the cell's colours.
                    for column in x..<min(x + max(1, cell.width), textArea.maxX) {
                        canvas[column, y] = TUI.Cell(" ", role: cellRole, attributes: cellAttributes)
                    }
                } else {
                    canvas[x, y] = TUI.Cell(String(cell.character), role: cellRole, attributes: cellAttributes)
                    if cell.width == 2 { canvas[x + 1, y] = TUI.Cell("", role: cellRole) }
                }
                x += max(1, cell.width)
            }
        }
        for match in Self.matches(console.search?.matches ?? [], inLines: top..<min(count, top + textArea.height)) {
            let span = Rect(x: textArea.x + match.columns.lowerBound, y: textArea.y + match.line - top,
                            width: match.columns.count, height: 1)
            canvas.restyle(span, role: match == current ? .currentMatch : .match, attributes: match == current ? .bold : [])
        }
        if console.isInputMode, let guest = lines.cursorLine, guest.line >= top, guest.line < top + textArea.height {
            return Point(x: textArea.x + min(guest.column, textArea.width - 1), y: textArea.y + guest.line - top)
        }
        return cursor
    }

    /// The matches on `lines`, found by binary search: matches come sorted by line, and a search of a
    /// long scrollback can hold far more of them than a frame shows.
    private static func matches(_ matches: [SearchMatch], inLines lines: Range<Int>) -> ArraySlice<SearchMatch> {
        func firstIndex(atOrAfter line: Int) -> Int {
            var low = 0
            var high = matches.count
            while low < high {
                let middle = (low + high) / 2
                if matches[middle].line < line { low = middle + 1 } else { high = middle }
            }
            return low
        }
        return matches[firstIndex(atOrAfter: lines.lowerBound)..<firstIndex(atOrAfter: lines.upperBound)]
    }

    private func renderTitle(into canvas: inout Canvas, area: Rect) -> Point? {
        let (prefix, titleRole): (String, Role) = switch focus {
        case .alone: (" ", .title)
        case .marked(true): ("▸ ", .selection)
        case .marked(false): ("  ", .title)
        }
        canvas.fill(area, with: TUI.Cell(" ", role: titleRole))
        guard let vm = console.vm else {
            canvas.write(prefix + "Console", at: area.origin, role: titleRole, attributes: .bold, clip: area)
            return nil
        }
        var parts = [state.vms[vm]?.nameLabel ?? vm.rawValue, console.link.summary]
        if let index = state.console.tiles.firstIndex(of: vm) { parts[0] = "\(index + 1) " + parts[0] }
        if console.isInputMode {
            parts.append("INPUT → VM (Ctrl-] leaves)")
        } else {
            parts.append(console.isFollowing ? "follow" : "scrolled back \(console.scrollBack)")
        }
        if !console.progress.isEmpty {
            parts.append(console.progress)
        } else if state.console.tiles.contains(vm), let record = state.vms[vm], case let verdict = InstallState(ref: vm, record: record, state: state), verdict.kind != .neutral {
            parts.append(verdict.label)
        }
        var x = area.x + canvas.write(prefix + parts.joined(separator: " · "), at: area.origin, role: titleRole,
                                      attributes: .bold, clip: area)
        guard let search = console.search else { return nil }
        let found = search.matches.isEmpty ? "" : " (\((search.current ?? 0) + 1)/\(search.matches.count))"
        x += 2
        let prompt = "/" + search.input.text
        canvas.write(prompt + found, at: Point(x: x, y: area.y), role: .key, attributes: .bold, clip: area)
        return search.isEditing ? Point(x: min(area.maxX - 1, x + 1 + search.input.cursorColumn), y: area.y) : nil
    }

    private func role(_ style: CellStyle) -> Role {
        let fg = index(style.foreground)
        let bg = index(style.background)
        return fg == nil && bg == nil ? .normal : .console(foreground: fg, background: bg)
    }

    private func index(_ color: Terminal.Color) -> UInt8? {
        switch color {
        case .default: return nil
        case .named(let named): return named.rawValue
        case .indexed(let value): return value
        case .rgb(let red, let green, let blue):
            return 16 + 36 * (red / 51) + 6 * (green / 51) + blue / 51
        }
    }

    private func attributes(_ style: CellStyle) -> Attributes {
        var result: Attributes = []
        if style.attributes.contains(.bold) { result.insert(.bold) }
        if style.attributes.contains(.underline) { result.insert(.underline) }
        if style.attributes.contains(.reverse) { result.insert(.reverse) }
        if style.attributes.contains(.dim) { result.insert(.dim) }
        if style.attributes.contains(.italic) { result.insert(.italic) }
        if style.attributes.contains(.blink) { result.insert(.blink) }
        if style.attributes.contains(.strikethrough) { result.insert(.strikethrough) }
        return result
    }
}
