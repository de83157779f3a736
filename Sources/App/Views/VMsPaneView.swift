import TUI
import XenAPI

/// Draws the VMs pane: name, power state, host, install state, drift from the template.
struct VMsPaneView {
    let state: AppState
    /// Whether the list has the focus (its selection is highlighted only then).
    var isFocused = true

    func render(into canvas: inout Canvas, area: Rect) {
        let columns = [
            TableColumn("NAME", width: .flexible(minimum: 16)),
            TableColumn("POWER", width: .fixed(9)),
            TableColumn("HOST", width: .flexible(minimum: 8)),
            TableColumn("INSTALL", width: .flexible(minimum: 20)),
            TableColumn("DRIFT", width: .fixed(12)),
        ]
        let visible = state.vmList.position.clamped(count: state.vmList.rows.count, visibleRows: area.height - 1)
        let range = visible.offset..<min(state.vmList.rows.count, visible.offset + max(0, area.height - 1))
        var rows = Array(repeating: TableRow([]), count: state.vmList.rows.count)
        for index in range {
            let ref = state.vmList.rows[index]
            guard let record = state.vms[ref] else { continue }
            let install = InstallState(ref: ref, record: record, state: state)
            let drift = state.drift(of: ref, record)?.columnText ?? ""
            let host = record.powerState == .running ? state.hosts[record.residentOn] ?? "" : ""
            rows[index] = TableRow(
                [record.nameLabel, record.powerState.rawValue.lowercased(), host, install.label,
                 drift],
                roles: [nil, record.powerState == .running ? .success : .dim, nil, role(install.kind),
                        drift.isEmpty ? nil : .warning])
        }
        TableView(columns: columns, rows: rows, position: state.vmList.position, isFocused: isFocused,
                  emptyText: state.vmList.filter.text.isEmpty ? "(no VMs yet)" : "(no VM matches the filter)")
            .render(into: &canvas, area: area)
    }

    private func role(_ kind: InstallState.Kind) -> Role? {
        switch kind {
        case .neutral: nil
        case .active: .title
        case .good: .success
        case .bad: .error
        }
    }
}
