import FAIControl
import TUI
import XenAPI

extension AppState {
    /// Keys while an overlay is shown.
    mutating func overlayKey(_ key: Key) -> [Effect] {
        guard let overlay else { return [] }
        if key == .control("c") {
            isRunning = false
            return [.quit]
        }
        if overlay.scrolls, scrollOverlay(overlay, key) { return [] }
        switch overlay {
        case .details(let ref) where !failureLines(of: ref).isEmpty:
            return failureDetailsKey(ref, key)
        case .help, .details, .preflight:
            if key == .escape || key == .character("q") || key == .enter || key == .character("?") {
                self.overlay = nil
            }
            return []
        case .messages:
            return messageLogKey(key)
        case .confirm(let confirmation):
            if key == .character("y") || key == .character("Y") {
                self.overlay = nil
                status = StatusMessage("working…")
                return [confirmation.effect]
            }
            if let alternative = confirmation.alternative, key == .character(alternative.key) {
                self.overlay = nil
                status = StatusMessage("working…")
                return [alternative.effect]
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
        case .prompt(var form):
            return promptKey(key, &form)
        case .vendorTemplate(let ref):
            guard let record = vms[ref] else {
                self.overlay = nil
                return []
            }
            switch key {
            case .character("y"), .character("C"): openCopyTemplate(ref, record)
            case .character("e"): self.overlay = .editForm(EditForm(target: ref, record: record))
            case .escape, .character("n"), .character("q"): self.overlay = nil
            default: break
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

    /// Scrolls a text overlay (↑ ↓ j k PgUp PgDn g G Home End); returns whether the key was one of those.
    private mutating func scrollOverlay(_ overlay: Overlay, _ key: Key) -> Bool {
        let (maximum, page) = OverlayView(state: self).scrollRange(of: overlay, in: layout.body)
        let target: Int
        switch key {
        case .up, .character("k"): target = overlayScroll - 1
        case .down, .character("j"): target = overlayScroll + 1
        case .pageUp, .control("b"): target = overlayScroll - page
        case .pageDown, .control("f"), .character(" "): target = overlayScroll + page
        case .home, .character("g"): target = 0
        case .end, .character("G"): target = maximum
        default: return false
        }
        overlayScroll = max(0, min(maximum, target))
        return true
    }

    /// The message log: ↑↓ pick an entry (newest first), `Y` copies its xe commands (else its text).
    private mutating func messageLogKey(_ key: Key) -> [Effect] {
        let count = messages.count
        switch key {
        case .up, .character("k"): overlayPick = max(0, overlayPick - 1)
        case .down, .character("j"): overlayPick = min(max(0, count - 1), overlayPick + 1)
        case .pageUp: overlayPick = max(0, overlayPick - 10)
        case .pageDown: overlayPick = min(max(0, count - 1), overlayPick + 10)
        case .home, .character("g"): overlayPick = 0
        case .end, .character("G"): overlayPick = max(0, count - 1)
        case .character("Y"), .character("y"):
            guard overlayPick < count else { return [] }
            let message = messages[count - 1 - overlayPick]
            return [.copyText(message.xeCommands.isEmpty ? message.text : message.xeCommands.joined(separator: "\n"))]
        case .escape, .character("q"), .character("m"), .enter:
            overlay = nil
        default:
            break
        }
        return []
    }

    /// Details of a failed VM: Tab / n pick an error line, Enter shows it in the console.
    private mutating func failureDetailsKey(_ vm: Ref<VMRecord>, _ key: Key) -> [Effect] {
        let lines = failureLines(of: vm)
        switch key {
        case .tab, .character("n"): overlayPick = (overlayPick + 1) % lines.count
        case .backTab, .character("N"): overlayPick = (overlayPick + lines.count - 1) % lines.count
        case .enter:
            guard let line = lines[min(overlayPick, lines.count - 1)].line else { return [] }
            overlay = nil
            pane = .console
            scrollConsole(toShow: line)
            status = StatusMessage("console line \(line + 1): FAI error line (G follows again)")
        case .escape, .character("q"), .character("?"):
            overlay = nil
        default:
            break
        }
        return []
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
            let check = ValueCheck(plan.requested)
            if !check.errors.isEmpty {
                status = StatusMessage(check.errors.joined(separator: "; "), kind: .error)
            } else if plan.isEmpty {
                overlay = nil
                status = StatusMessage("nothing changed")
            } else {
                overlay = .plan(plan)
                // A warning does not stop the plan: y after reading it applies it (the CLI's --force).
                if !check.warnings.isEmpty { status = StatusMessage("warning: " + check.warnings.joined(separator: "; ") + " — y applies anyway", kind: .error) }
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
