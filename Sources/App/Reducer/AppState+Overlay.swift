import FAIControl
import TUI
import XenAPI

extension AppState {
    /// Keys while an overlay is shown.
    mutating func overlayKey(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        if key == .control("c") {
            isRunning = false
            return [.disconnectConsole, .quit]
        }
        switch overlay {
        case .help, .details, .preflight:
            if key == .escape || key == .character("q") || key == .enter || key == .character("?") {
                self.overlay = nil
            }
            return []
        case .confirm(let confirmation):
            if key == .character("y") || key == .character("Y") {
                self.overlay = nil
                status = StatusMessage("working…")
                return [confirmation.effect]
            }
            if key == .escape || key == .character("n") || key == .character("q") { self.overlay = nil }
            return []
        case .plan(let plan):
            if key == .character("y") {
                self.overlay = nil
                status = StatusMessage("applying \(plan.changes.count) change\(plan.changes.count == 1 ? "" : "s")…")
                return [.applyPlan(plan)]
            }
            if key == .escape || key == .character("n") || key == .character("q") { self.overlay = nil }
            return []
        case .newInstall(let template, var name):
            switch key {
            case .escape:
                self.overlay = nil
            case .enter:
                let chosen = name.text.trimmingSpaces
                guard !chosen.isEmpty, let record = vms[template] else { return [] }
                if let user = vms.values.first(where: { $0.nameLabel == chosen }) {
                    status = StatusMessage(
                        "\"\(chosen)\" is already used by \(user.isATemplate ? "template" : "VM") \(user.uuid): names are not identities, choose another",
                        kind: .error)
                    return []
                }
                self.overlay = nil
                status = StatusMessage("creating \(chosen) from \(record.nameLabel)…")
                return [.install(InstallRequest(name: chosen, template: record.uuid), template: template, record: record)]
            default:
                if name.apply(key) { self.overlay = .newInstall(template: template, name: name) }
            }
            return []
        case .editForm(var form):
            return formKey(key, &form)
        case .journal(let view):
            return journalKey(key, view)
        case .interrupted(let pending):
            return interruptedKey(key, pending)
        }
    }

    private mutating func formKey(_ key: Key, _ form: inout EditForm) -> [Effect] {
        let lines = form.fields.count + 1
        switch key {
        case .escape:
            overlay = nil
            return []
        case .tab, .down:
            form.focus = (form.focus + 1) % lines
        case .backTab, .up:
            form.focus = (form.focus + lines - 1) % lines
        case .enter:
            guard let record = vms[form.target] else {
                overlay = nil
                status = StatusMessage("the object being edited no longer exists", kind: .error)
                return []
            }
            let plan = ChangePlan(ref: form.target, record: record, requested: form.requestedChanges)
            if plan.isEmpty {
                overlay = nil
                status = StatusMessage("nothing changed")
            } else {
                overlay = .plan(plan)
            }
            return []
        default:
            if form.focus < form.fields.count {
                _ = form.fields[form.focus].input.apply(key)
            } else {
                _ = form.newKey.apply(key)
            }
        }
        overlay = .editForm(form)
        return []
    }
}
