import TUI
import XenAPI

/// Draws the VMs pane: name, power state, host, install state, drift from the template.
struct VMsPaneView {
    let state: AppState
    /// Whether the list has the focus (its selection is highlighted only then).
    var isFocused = true

    func render(into canvas: inout Canvas, area: Rect) {
        let titles = state.list(.vms).sort.titles(AppState.columnTitles(.vms))
        let columns = [
            TableColumn(titles[0], width: .flexible(minimum: 16)),
            TableColumn(titles[1], width: .fixed(9)),
            TableColumn(titles[2], width: .flexible(minimum: 8)),
            TableColumn(titles[3], width: .flexible(minimum: 20)),
            TableColumn(titles[4], width: .fixed(12)),
        ]
        let marked = state.vmList.marked
        TableView(list: state.vmList, records: state.vms, columns: columns, isFocused: isFocused,
                  noun: ("VM", "VMs"), height: area.height) { ref, record in
            let install = InstallState(ref: ref, record: record, state: state)
            let drift = state.drift(of: ref, record)?.columnText ?? ""
            let host = state.host(of: record) ?? ""
            let isMarked = marked.contains(ref)
            return TableRow(
                [(isMarked ? "* " : "") + record.nameLabel, record.powerState.rawValue.lowercased(), host, install.label, drift],
                roles: [isMarked ? .warning : nil, record.powerState == .running ? .success : .dim, nil, role(install.kind),
                        drift.isEmpty ? nil : .warning])
        }
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
