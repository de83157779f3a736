import FAIControl
import FAIMonitor
import TUI
import XenAPI

/// Draws the fleet pane: one row per install attempt with its host, source, task, progress bar,
/// elapsed time, verdict and FAI error band, and its last line. Columns that do not fit are dropped
/// by priority (the source first, the VM and verdict never), as k9s does on a narrow terminal.
struct FleetPaneView {
    let state: AppState
    /// The open console's capture: its VM's row shows the capture's last line.
    let console: (any ConsoleLines)?
    /// Whether the list has the focus.
    var isFocused = true

    /// The columns, in display order, with the priority they are kept by (higher stays longer).
    private enum Column: Int, CaseIterable {
        case vm, host, source, task, progress, elapsed, verdict, band, lastLine

        var keepPriority: Int {
            switch self {
            case .vm, .verdict: 100
            case .progress: 7
            case .task: 6
            case .elapsed: 5
            case .band: 4
            case .lastLine: 3
            case .host: 2
            case .source: 1
            }
        }

        var width: TableColumn.Width {
            switch self {
            case .vm: .flexible(minimum: 12)
            case .host: .flexible(minimum: 8)
            case .source: .fixed(7)
            case .task: .fixed(11)
            case .progress: .fixed(FleetPaneView.barWidth + 8)
            case .elapsed: .fixed(9)
            case .verdict: .flexible(minimum: 16)
            case .band: .fixed(7)
            case .lastLine: .flexible(minimum: 24)
            }
        }

        var minimum: Int {
            switch width {
            case .fixed(let width): width
            case .flexible(let minimum): minimum
            }
        }
    }

    /// Cells of the progress bar.
    static let barWidth = 10

    func render(into canvas: inout Canvas, area: Rect) {
        let shown = columns(fitting: area.width)
        let fleet = state.fleet
        let titles = AppState.fleetColumnTitles
        let sorted: Column = switch fleet.sort {
        case .state: .verdict
        case .name: .vm
        case .elapsed: .elapsed
        }
        let tableColumns = shown.map { column in
            let title = titles[column.rawValue] + (column == sorted ? (fleet.isDescending ? " ▼" : " ▲") : "")
            return TableColumn(title, width: column.width)
        }
        let visible = TableView.visibleRange(count: fleet.rows.count, position: fleet.position, height: area.height)
        let rows = fleet.rows[visible].map { row in
            let cells = shown.map { cell($0, row) }
            return TableRow(cells.map(\.text), roles: cells.map(\.role))
        }
        TableView(columns: tableColumns, rowCount: fleet.rows.count, visibleRows: rows, position: fleet.position,
                  isFocused: isFocused, emptyText: emptyText, height: area.height)
            .render(into: &canvas, area: area)
    }

    /// The columns kept in `width`: the lowest-priority ones go until the minimums fit.
    private func columns(fitting width: Int) -> [Column] {
        var kept = Column.allCases
        func needed(_ columns: [Column]) -> Int { columns.reduce(0) { $0 + $1.minimum } + max(0, columns.count - 1) }
        while needed(kept) > width, let drop = kept.filter({ $0.keepPriority < 100 }).min(by: { $0.keepPriority < $1.keepPriority }) {
            kept.removeAll { $0 == drop }
        }
        return kept
    }

    private func cell(_ column: Column, _ row: FleetRow) -> (text: String, role: Role?) {
        switch column {
        case .vm:
            let isMarked = row.vm.map(state.fleet.marked.contains) ?? false
            let name = row.vm == nil ? "\(row.name) (unmapped)" : row.name
            return ((isMarked ? "* " : "") + name, isMarked ? .warning : row.vm == nil ? .dim : nil)
        case .host: return (row.host, nil)
        case .source: return (row.source.rawValue, .dim)
        case .task: return (row.task.isEmpty ? "-" : row.task, nil)
        case .progress:
            let filled = Self.barWidth * min(row.phase, row.phases) / max(1, row.phases)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: Self.barWidth - filled)
            return ("\(bar) \(row.phase)/\(row.phases)", role(row.verdict))
        case .elapsed: return (row.elapsed.map(elapsedText) ?? "-", nil)
        case .verdict: return (row.verdict.label, role(row.verdict))
        case .band: return (row.band?.rawValue ?? "", row.band.map(role))
        case .lastLine: return (lastLine(row), .dim)
        }
    }

    /// The console's last non-empty line when this row's console is open, else the row's own.
    private func lastLine(_ row: FleetRow) -> String {
        if let console, let vm = row.vm, vm == state.console.vm {
            var index = console.lineCount - 1
            while index >= 0, index >= console.lineCount - 40 {
                let text = console.text(ofLine: index)
                if !text.trimmingSpaces.isEmpty, !text.hasPrefix("── xsfai:") { return text.trimmingSpaces }
                index -= 1
            }
        }
        return row.lastLine
    }

    private var emptyText: String {
        let fleet = state.fleet
        if !fleet.filter.text.isEmpty || fleet.stateFilter != .all { return "(no install attempt matches the filter; Esc clears it)" }
        if let source = fleet.monitorSource {
            return "(no install attempt yet: s starts a VM, n makes a new install; the FAI monitor is \(source))"
        }
        return "(no install attempt yet: s starts a VM, n makes a new install; --fai-monitor [ADDR:]PORT hears FAI's monitor messages)"
    }

    private func role(_ verdict: FleetRow.Verdict) -> Role? {
        switch verdict {
        case .waiting: .dim
        case .running: .title
        case .succeeded: .success
        case .warnings: .warning
        case .failed, .noBoot, .hung: .error
        }
    }

    private func role(_ band: FAIErrorBand) -> Role {
        switch band {
        case .ok: .success
        case .warning, .minor: .warning
        case .error: .error
        }
    }
}
