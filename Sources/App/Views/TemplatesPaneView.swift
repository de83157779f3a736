import TUI
import XenAPI

/// Draws the templates pane: name, distro/release/arch, repository, PV-args, default vs custom.
struct TemplatesPaneView {
    let state: AppState
    /// Whether the list has the focus (its selection is highlighted only then).
    var isFocused = true

    func render(into canvas: inout Canvas, area: Rect) {
        let columns = [
            TableColumn("NAME", width: .flexible(minimum: 18)),
            TableColumn("DISTRO RELEASE ARCH", width: .fixed(26)),
            TableColumn("REPOSITORY", width: .flexible(minimum: 10)),
            TableColumn("PV-ARGS", width: .flexible(minimum: 10)),
            TableColumn("KIND", width: .fixed(7)),
        ]
        let rows = state.templates.rows.compactMap { ref -> TableRow? in
            guard let record = state.vms[ref] else { return nil }
            let config = record.otherConfig
            let distro = [config["install-distro"], config["debian-release"], config["install-arch"]]
                .compactMap { $0 }.joined(separator: " ")
            return TableRow(
                [record.nameLabel, record.isPV ? distro : "HVM", config["install-repository"] ?? "",
                 record.pvArgs, record.isDefaultTemplate ? "default" : "custom"],
                roles: [nil, nil, nil, .dim, record.isDefaultTemplate ? .dim : .success])
        }
        TableView(columns: columns, rows: rows, position: state.templates.position, isFocused: isFocused,
                  emptyText: state.templates.filter.text.isEmpty ? "(no templates yet)" : "(no template matches the filter)")
            .render(into: &canvas, area: area)
    }
}
