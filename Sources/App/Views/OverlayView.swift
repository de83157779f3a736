import FAIControl
import TUI
import XenAPI

/// Draws the overlay in front of the panes.
struct OverlayView {
    let state: AppState

    /// Draws `overlay` into `area`; returns the text cursor for overlays with an input.
    func render(_ overlay: Overlay, into canvas: inout Canvas, area: Rect) -> Point? {
        switch overlay {
        case .help:
            HelpOverlayView(sections: KeyMap.help).render(into: &canvas, area: area)
        case .details(let ref):
            dialog(title: "Details", lines: detailLines(ref), footer: "Esc close", into: &canvas, area: area)
        case .confirm(let confirmation):
            dialog(title: "Confirm", lines: [.init(confirmation.question)], footer: "y yes   Esc no",
                   into: &canvas, area: area)
        case .plan(let plan):
            dialog(title: "Plan for \(plan.target.nameLabel)", lines: planLines(plan),
                   footer: "y apply   Esc cancel", into: &canvas, area: area)
        case .preflight(let name, let report):
            let lines = report.checks.map { check in
                let (mark, role): (String, Role) = switch check.status {
                case .pass: ("✓", .success)
                case .warn: ("!", .warning)
                case .fail: ("✗", .error)
                }
                return DialogView.Line("\(mark) \(check.name): \(check.detail)", role: role)
            }
            let verdict = report.passed ? "all checks passed" : "some checks failed"
            dialog(title: "Preflight of \(name): \(verdict)", lines: lines, footer: "Esc close", into: &canvas, area: area)
        case .journal(let view):
            dialog(title: "Journal of this pool", lines: JournalLines.lines(view), footer: "↑↓ choose   Enter show   u undo it   Esc close",
                   into: &canvas, area: area)
        case .interrupted(let pending):
            dialog(title: "Interrupted change", lines: JournalLines.lines(pending),
                   footer: "c complete it   b roll it back   Esc decide later", into: &canvas, area: area)
        case .newInstall(let template, let name):
            let templateName = state.vms[template]?.nameLabel ?? template.rawValue
            let form = FormView(title: "New install from \(templateName)", fields: [.init(label: "Name", input: name)],
                                focus: 0, footer: "Enter create, start and watch its console   Esc cancel")
            return form.render(into: &canvas, area: area)
        case .editForm(let editForm):
            var fields = editForm.fields.map { FormView.Field(label: $0.parameter.xeName, input: $0.input) }
            fields.append(.init(label: "add other-config", input: editForm.newKey))
            let name = state.vms[editForm.target]?.nameLabel ?? "?"
            let form = FormView(title: "Edit \(name) (empty value removes a key; add as key=value)", fields: fields,
                                focus: editForm.focus, footer: "Tab/↑↓ field   Enter show plan   Esc cancel")
            return form.render(into: &canvas, area: area)
        }
        return nil
    }

    private func dialog(title: String, lines: [DialogView.Line], footer: String, into canvas: inout Canvas, area: Rect) {
        let maxLines = max(1, area.height - 4)
        var shown = Array(lines.prefix(maxLines))
        if lines.count > maxLines { shown[maxLines - 1] = .init("… \(lines.count - maxLines + 1) more lines", role: .dim) }
        let width = min(area.width - 2, max(40, (shown.map(\.text.displayWidth).max() ?? 0) + 4))
        let wrapped = shown.map { DialogView.Line($0.text.truncated(toWidth: width - 4), role: $0.role) }
        DialogView(title: title, lines: wrapped, footer: footer).render(into: &canvas, area: area)
    }

    private func detailLines(_ ref: Ref<VMRecord>) -> [DialogView.Line] {
        guard let record = state.vms[ref] else { return [.init("(gone)")] }
        var lines: [DialogView.Line] = [
            .init("name-label          \(record.nameLabel)", role: .title),
            .init("uuid                \(record.uuid)"),
            .init("kind                \(record.isATemplate ? (record.isDefaultTemplate ? "default template" : "custom template") : "VM, \(record.powerState.rawValue.lowercased())")"),
        ]
        if !record.isATemplate {
            // First, so a short screen still shows why the install state says what it says.
            let install = InstallState(ref: ref, record: record, state: state)
            lines.append(.init("install state       \(install.label.isEmpty ? "—" : install.label)", role: .title))
            lines += Self.wrap(install.reason, width: 70).map { DialogView.Line("  " + $0) }
        }
        lines += [
            .init("PV-bootloader       \(record.pvBootloader)"),
            .init("PV-bootloader-args  \(record.pvBootloaderArgs)"),
            .init("PV-args             \(record.pvArgs)"),
            .init("PV-kernel           \(record.pvKernel)"),
            .init("PV-ramdisk          \(record.pvRamdisk)"),
        ]
        for key in record.otherConfig.keys.sorted() {
            let value = record.otherConfig[key] ?? ""
            lines.append(.init("other-config:\(key) = \(value)", role: key.hasPrefix("install") || key == "debian-release" ? .title : .dialog))
        }
        return lines
    }

    /// Splits `text` into lines of at most `width` columns at spaces (a longer word gets its own line).
    private static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty, line.displayWidth + 1 + word.displayWidth > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    private func planLines(_ plan: ChangePlan) -> [DialogView.Line] {
        var lines: [DialogView.Line] = []
        for change in plan.changes {
            lines.append(.init("\(change.parameter.xeName): \(change.old.map { "\"\($0)\"" } ?? "(absent)") → \(change.new.map { "\"\($0)\"" } ?? "(removed)")"))
        }
        lines.append(.init(""))
        lines.append(.init("Equivalent xe commands:", role: .title))
        lines += plan.xeCommands.map { DialogView.Line("  " + $0, role: .key) }
        return lines
    }
}
