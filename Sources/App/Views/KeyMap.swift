public import TUI

/// The keys contract as data: the `?` overlay and the hint bar are drawn from it.
public enum KeyMap {
    /// Every key, grouped, for the help overlay.
    public static let help: [HelpOverlayView.Section] = [
        .init("Move", [
            KeyHint("Tab Shift-Tab", "next / previous pane"),
            KeyHint("1 2 3 4", "pick a pane (4: fleet)"),
            KeyHint("↑↓ j k", "move; scroll console"),
            KeyHint("PgUp PgDn", "page"),
            KeyHint("g G", "top / bottom, follow"),
            KeyHint("/", "filter (state: host: repo: args: name:) / search"),
            KeyHint("< > I", "sort by the previous / next column, reverse"),
            KeyHint("Space *", "mark a VM / all shown (r s S D act on them)"),
            KeyHint("n N", "next / previous match"),
            KeyHint("Esc", "cancel, close, dismiss"),
        ]),
        .init("Open", [
            KeyHint("Enter", "details; VM console"),
            KeyHint("c", "console of the VM"),
            KeyHint("d", "details"),
            KeyHint("m", "message log (Y copies xe)"),
            KeyHint("?", "this help (↑↓ PgUp PgDn scroll)"),
        ]),
        .init("Change", [
            KeyHint("e", "edit parameters"),
            KeyHint("y", "apply plan / confirm"),
            KeyHint("r", "rearm the selected VM"),
            KeyHint("u", "undo newest change set"),
            KeyHint("J", "journal: undo any set"),
            KeyHint("n", "new install (name, SR, repository)"),
            KeyHint("C", "copy a template (the wiki's first step)"),
            KeyHint("R", "rename (a plan)"),
            KeyHint("D", "delete a custom template / destroy halted VMs and their disks"),
            KeyHint("s S", "start / hard shutdown"),
            KeyHint("h b", "clean shutdown / clean reboot"),
            KeyHint("p", "preflight"),
        ]),
        .init("Fleet (4)", [
            KeyHint("< > I", "sort by state / name / elapsed, reverse"),
            KeyHint("f", "show all / running / failed / ok"),
            KeyHint("/", "filter (state: host: name:)"),
            KeyHint("Space *", "mark / all shown (r s S act on them)"),
            KeyHint("Enter c", "console of the VM"),
            KeyHint("d", "details (a failure: FAI's error lines)"),
            KeyHint("r s", "rearm / start (plans shown)"),
        ]),
        .init("Console", [
            KeyHint("Enter i", "type into the VM"),
            KeyHint("Ctrl-]", "leave input mode"),
            KeyHint("L", "save capture to a file"),
            KeyHint("Y", "copy (OSC 52)"),
            KeyHint("f", "follow new output"),
            KeyHint("+", "tile the selected VM's console (up to 4)"),
            KeyHint("-", "remove the focused tile"),
            KeyHint("Tab Shift-Tab", "next / previous tile, then pane"),
        ]),
        .init("Program", [
            KeyHint("q Ctrl-C", "quit"),
            KeyHint("Ctrl-Z", "suspend"),
        ]),
    ]

    /// The hint bar for the state's current mode.
    public static func hints(for state: AppState) -> [KeyHint] {
        if let overlay = state.overlay {
            switch overlay {
            case .help, .preflight: return [KeyHint("Esc", "close"), KeyHint("↑↓ PgUp PgDn", "scroll")]
            case .details(let ref):
                let jump = state.failureLines(of: ref).isEmpty ? [] : [KeyHint("Tab", "error line"), KeyHint("Enter", "show in console")]
                return [KeyHint("Esc", "close"), KeyHint("↑↓ PgUp PgDn", "scroll")] + jump
            case .confirm(let confirmation):
                let alternative = confirmation.alternative.map { [KeyHint(String($0.key), $0.label)] } ?? []
                return [KeyHint("y", "yes, apply")] + alternative + [KeyHint("Esc", "cancel"), KeyHint("↑↓ PgUp PgDn", "scroll")]
            case .plan:
                return [KeyHint("y", "yes, apply"), KeyHint("Esc", "cancel"), KeyHint("↑↓ PgUp PgDn", "scroll")]
            case .messages:
                return [KeyHint("↑↓", "pick"), KeyHint("Y", "copy xe command"), KeyHint("Esc", "close")]
            case .prompt(let form):
                let enter: String = switch form.purpose {
                case .newInstall: "create, start, watch"
                case .copyTemplate: "copy"
                case .rename: "show plan"
                }
                return [KeyHint("Enter", enter), KeyHint("Tab ↑↓", "field"), KeyHint("← →", "choose"), KeyHint("Esc", "cancel")]
            case .vendorTemplate:
                return [KeyHint("y C", "copy it (the wiki's way)"), KeyHint("e", "edit the vendor template anyway"), KeyHint("Esc", "cancel")]
            case .journal: return [KeyHint("↑↓", "choose"), KeyHint("Enter", "show"), KeyHint("u", "undo it"), KeyHint("Esc", "close")]
            case .interrupted: return [KeyHint("c", "complete"), KeyHint("b", "roll back"), KeyHint("Esc", "later")]
            case .editForm:
                return [KeyHint("Tab ↑↓", "field"), KeyHint("Enter", "show plan"), KeyHint("Esc", "cancel"),
                        KeyHint("empty", "removes key")]
            }
        }
        switch state.pane {
        case .templates, .vms:
            if state.list(state.pane).isEditingFilter {
                return [KeyHint("Enter", "keep filter"), KeyHint("Esc", "clear filter"),
                        KeyHint("state: host: repo: args:", "filter by column")]
            }
            if state.pane == .vms, !state.vmList.marked.isEmpty {
                return [KeyHint("\(state.vmList.marked.count) marked:", ""), KeyHint("r", "rearm"), KeyHint("s", "start"),
                        KeyHint("S", "hard stop"), KeyHint("D", "destroy"), KeyHint("Space", "mark"), KeyHint("*", "all"),
                        KeyHint("Esc", "unmark")]
            }
            let open = state.pane == .templates ? KeyHint("Enter", "details") : KeyHint("Enter", "console")
            var hints = [KeyHint("?", "help"), KeyHint("m", "msgs"), KeyHint("/", "filter"), KeyHint("< >", "sort"), open]
            hints += state.pane == .templates
                ? [KeyHint("n", "new install"), KeyHint("C", "copy"), KeyHint("e", "edit"), KeyHint("R", "rename"),
                   KeyHint("D", "delete"), KeyHint("p", "preflight"), KeyHint("u", "undo")]
                : [KeyHint("r", "rearm"), KeyHint("s", "start"), KeyHint("S", "stop"), KeyHint("Space", "mark"),
                   KeyHint("e", "edit"), KeyHint("D", "destroy"), KeyHint("p", "preflight"), KeyHint("u", "undo")]
            return hints
        case .fleet:
            if state.fleet.isEditingFilter {
                return [KeyHint("Enter", "keep filter"), KeyHint("Esc", "clear filter"), KeyHint("state: host: name:", "filter by column")]
            }
            if !state.fleet.marked.isEmpty {
                return [KeyHint("\(state.fleet.marked.count) marked:", ""), KeyHint("r", "rearm"), KeyHint("s", "start"),
                        KeyHint("S", "hard stop"), KeyHint("Space", "mark"), KeyHint("*", "all"), KeyHint("Esc", "unmark")]
            }
            return [KeyHint("?", "help"), KeyHint("Enter", "console"), KeyHint("< >", "sort"), KeyHint("f", "state"),
                    KeyHint("/", "filter"), KeyHint("Space", "mark"), KeyHint("r", "rearm"), KeyHint("s", "start"),
                    KeyHint("m", "msgs")]
        case .console:
            if state.console.isInputMode { return [KeyHint("Ctrl-]", "leave input mode"), KeyHint("", "keys go to the VM")] }
            if state.console.search?.isEditing == true {
                return [KeyHint("Enter", "keep"), KeyHint("Esc", "cancel search")]
            }
            let tiles = state.console.tiles.count > 1 ? [KeyHint("Tab", "next tile"), KeyHint("-", "untile")] : [KeyHint("+", "tile")]
            return [KeyHint("?", "help"), KeyHint("m", "msgs"), KeyHint("/", "search"),
                    KeyHint("n N", "match"), KeyHint("i", "input"), KeyHint("G", "follow"), KeyHint("L", "save"),
                    KeyHint("Y", "copy"), KeyHint("r", "rearm"), KeyHint("s", "start")] + tiles
        }
    }
}
