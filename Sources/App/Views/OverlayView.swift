import FAIControl
import TUI
import XenAPI

/// Draws the overlay in front of the panes; every dialog wraps long values and scrolls.
struct OverlayView {
    let state: AppState

    /// Draws `overlay` into `area`; returns the text cursor for overlays with an input.
    func render(_ overlay: Overlay, into canvas: inout Canvas, area: Rect) -> Point? {
        switch overlay {
        case .help:
            HelpOverlayView(sections: KeyMap.help, scroll: state.overlayScroll).render(into: &canvas, area: area)
        case .prompt(let form):
            return promptView(form).render(into: &canvas, area: area)
        case .editForm(let editForm):
            var fields = editForm.fields.map { FormView.Field(label: $0.parameter.xeName, input: $0.input) }
            fields.append(.init(label: "add other-config", input: editForm.newKey))
            let name = state.vms[editForm.target]?.nameLabel ?? "?"
            let form = FormView(title: "Edit \(name) (empty value removes a key; add as key=value)", fields: fields,
                                focus: editForm.focus, footer: "Tab/↑↓ field   Enter show plan   Esc cancel")
            return form.render(into: &canvas, area: area)
        default:
            dialog(for: overlay)?.render(into: &canvas, area: area)
        }
        return nil
    }

    /// How far `overlay`'s body scrolls in `area`, and its page (rows visible at once).
    func scrollRange(of overlay: Overlay, in area: Rect) -> (maximum: Int, page: Int) {
        if case .help = overlay {
            return (HelpOverlayView(sections: KeyMap.help).maximumScroll(in: area), max(1, area.height - 3))
        }
        guard let dialog = dialog(for: overlay) else { return (0, 1) }
        return (dialog.maximumScroll(in: area), max(1, dialog.visibleRows(in: area) - 1))
    }

    /// The dialog of an overlay that shows text (nil for forms and the help).
    func dialog(for overlay: Overlay) -> DialogView? {
        let scroll = state.overlayScroll
        switch overlay {
        case .details(let ref):
            let footer = state.failureLines(of: ref).isEmpty ? "Esc close" : "Tab next error line   Enter show it in the console   Esc close"
            return DialogView(title: "Details", lines: detailLines(ref), footer: footer, scroll: scroll)
        case .confirm(let confirmation):
            return DialogView(title: "Confirm", lines: confirmation.question.split(separator: "\n", omittingEmptySubsequences: false).map { .init(String($0)) },
                              footer: "y yes   " + (confirmation.alternative.map { "\($0.key) \($0.label)   " } ?? "") + "Esc no",
                              scroll: scroll)
        case .plan(let plan):
            return DialogView(title: "Plan for \(plan.target.nameLabel)", lines: Self.planLines(plan),
                              footer: "y apply   Esc cancel", scroll: scroll)
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
            return DialogView(title: "Preflight of \(name): \(verdict)", lines: lines, footer: "Esc close", scroll: scroll)
        case .messages:
            return messageLog()
        case .vendorTemplate(let ref):
            let name = state.vms[ref]?.nameLabel ?? ref.rawValue
            return DialogView(title: "\(name) is a vendor default template", lines: [
                .init("The FAI wiki's way is to copy the vendor template first and change the copy:"),
                .init("a vendor template is shared by every install of that release, and XenServer updates"),
                .init("may reset it. y (or C) copies it now; e edits the vendor template anyway."),
            ], footer: "y copy it   e edit anyway   Esc cancel", scroll: scroll)
        case .journal(let view):
            return DialogView(title: "Journal of this pool", lines: JournalLines.lines(view),
                              footer: "↑↓ choose   Enter show   u undo it   Esc close", scroll: scroll)
        case .interrupted(let pending):
            return DialogView(title: "Interrupted change", lines: JournalLines.lines(pending),
                              footer: "c complete it   b roll it back   Esc decide later", scroll: scroll)
        case .help, .prompt, .editForm:
            return nil
        }
    }

    private func promptView(_ form: PromptForm) -> FormView {
        let title: String
        let footer: String
        switch form.purpose {
        case .newInstall(let template):
            title = "New install from \(state.vms[template]?.nameLabel ?? template.rawValue)"
            footer = "Enter create, start and watch   Tab field   ← → SR, network   Esc cancel"
        case .copyTemplate(let template):
            title = "Copy template \(state.vms[template]?.nameLabel ?? template.rawValue)"
            footer = "Enter copy   Tab field   Esc cancel"
        case .rename(let ref):
            title = "Rename \(state.vms[ref]?.nameLabel ?? ref.rawValue)"
            footer = "Enter show the plan   Esc cancel"
        }
        return FormView(title: title, fields: form.fields, focus: form.focus, footer: form.warning.map { "⚠ " + $0 } ?? footer)
    }

    private func messageLog() -> DialogView {
        var lines: [DialogView.Line] = []
        var anchor: Int?
        let newestFirst = state.messages.reversed()
        if newestFirst.isEmpty { lines.append(.init("(no messages yet)", role: .dim)) }
        for (index, message) in newestFirst.enumerated() {
            let picked = index == state.overlayPick
            if picked { anchor = lines.count }
            let mark = switch message.kind {
            case .error: "✗ "
            case .success: "✓ "
            case .info: "· "
            }
            let role: Role = picked ? .selection : message.kind == .error ? .error : message.kind == .success ? .success : .dialog
            lines.append(.init(mark + message.text, role: role, hangingIndent: 2))
            lines += message.xeCommands.map { DialogView.Line("    " + $0, role: picked ? .selection : .key, hangingIndent: 6) }
        }
        return DialogView(title: "Messages (\(state.messages.count), newest first)", lines: lines,
                          footer: "↑↓ pick   Y copy its xe command (OSC 52)   Esc close", anchorLine: anchor)
    }

    private func detailLines(_ ref: Ref<VMRecord>) -> [DialogView.Line] {
        guard let record = state.vms[ref] else { return [.init("(gone)")] }
        let kind = record.isATemplate
            ? (record.isDefaultTemplate ? "default template (vendor: copy it with C before changing it)" : "custom template")
            : "VM, \(record.powerState.rawValue.lowercased())"
        var lines: [DialogView.Line] = [
            .init("name-label          \(record.nameLabel)", role: .title, hangingIndent: 20),
            .init("uuid                \(record.uuid)"),
            .init("kind                \(kind)", hangingIndent: 20),
        ]
        if !record.isATemplate {
            // First, so a short screen shows at once why the install state says what it says.
            let install = InstallState(ref: ref, record: record, state: state)
            lines.append(.init("install state       \(install.label.isEmpty ? "—" : install.label)", role: .title, hangingIndent: 20))
            lines.append(.init("  " + install.reason, hangingIndent: 2))
            lines += failureLines(ref)
        }
        lines += [
            .init("PV-bootloader       \(record.pvBootloader)", hangingIndent: 20),
            .init("PV-bootloader-args  \(record.pvBootloaderArgs)", hangingIndent: 20),
            .init("PV-args             \(record.pvArgs)", hangingIndent: 20),
            .init("PV-kernel           \(record.pvKernel)", hangingIndent: 20),
            .init("PV-ramdisk          \(record.pvRamdisk)", hangingIndent: 20),
        ]
        for key in record.otherConfig.keys.sorted() {
            let value = record.otherConfig[key] ?? ""
            let role: Role = key.hasPrefix("install") || key == "debian-release" ? .title : .dialog
            lines.append(.init("other-config:\(key) = \(value)", role: role, hangingIndent: 6))
        }
        return lines
    }

    /// The failure the console showed: verdict, failed task, and FAI's error lines with their
    /// console line numbers (the picked one highlighted: Enter shows it in the console).
    private func failureLines(_ ref: Ref<VMRecord>) -> [DialogView.Line] {
        guard let failure = state.consoleFailure(of: ref) else { return [] }
        var lines: [DialogView.Line] = [.init(""), .init("FAI failure (read from the console)", role: .error)]
        lines.append(.init("  " + failure.summary, role: .error, hangingIndent: 4))
        if let task = failure.task {
            lines.append(.init("  failed task       \(task)" + (failure.code.map { " (error level \($0))" } ?? "")))
        }
        let jumpable = state.failureLines(of: ref)
        let isOpen = state.console.vm == ref
        for errorLine in failure.errorLines {
            let place = isOpen ? errorLine.line.map { "line \($0 + 1)" } ?? "(scrolled out)" : "(an earlier capture)"
            let picked = jumpable.firstIndex(of: errorLine) == state.overlayPick
            lines.append(.init("  \(place.padded(toWidth: max(12, place.displayWidth))) \(errorLine.task): \(errorLine.text)",
                               role: picked ? .selection : .dialog, hangingIndent: 16))
        }
        if failure.errorLines.isEmpty { lines.append(.init("  (FAI printed no error lines)", role: .dim)) }
        lines.append(.init(""))
        return lines
    }

    /// A plan as it will be applied: per parameter the old and the new value in full (wrapped), then
    /// the equivalent `xe` commands in full.
    static func planLines(_ plan: ChangePlan) -> [DialogView.Line] {
        var lines: [DialogView.Line] = []
        for change in plan.changes {
            lines.append(.init(change.parameter.xeName, role: .title))
            lines.append(.init("  old  " + (change.old.map { "\"\($0)\"" } ?? "(absent)"), hangingIndent: 7))
            lines.append(.init("  new  " + (change.new.map { "\"\($0)\"" } ?? "(removed)"), role: .success, hangingIndent: 7))
        }
        lines.append(.init(""))
        lines.append(.init("Equivalent xe commands:", role: .title))
        lines += plan.xeCommands.map { DialogView.Line("  " + $0, role: .key, hangingIndent: 4) }
        return lines
    }
}
