import TUI
import XenAPI

/// Draws the templates pane: name, distro/release/arch, repository, PV-args, default vs custom.
struct TemplatesPaneView {
    let state: AppState
    /// Whether the list has the focus (its selection is highlighted only then).
    var isFocused = true

    func render(into canvas: inout Canvas, area: Rect) {
        let titles = state.templates.sort.titles(AppState.columnTitles(.templates))
        let columns = [
            TableColumn(titles[0], width: .flexible(minimum: 18)),
            TableColumn(titles[1], width: .fixed(26)),
            TableColumn(titles[2], width: .flexible(minimum: 10)),
            TableColumn(titles[3], width: .flexible(minimum: 10)),
            TableColumn(titles[4], width: .fixed(7)),
        ]
        TableView(list: state.templates, records: state.vms, columns: columns, isFocused: isFocused,
                  noun: ("template", "templates"), height: area.height) { _, record in
            let config = record.otherConfig
            let distro = [config["install-distro"], config["debian-release"], config["install-arch"]]
                .compactMap { $0 }.joined(separator: " ")
            return TableRow(
                [record.nameLabel, record.isPV ? distro : "HVM", config["install-repository"] ?? "",
                 record.pvArgs, record.isDefaultTemplate ? "default" : "custom"],
                roles: [nil, nil, nil, .dim, record.isDefaultTemplate ? .dim : .success])
        }
        .render(into: &canvas, area: area)
    }
}
