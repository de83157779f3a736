public import FAIControl
public import TUI
public import XenAPI

/// What covers the panes: help, details, forms, plans, confirmations, prompts, reports.
public enum Overlay: Sendable, Hashable {
    /// The `?` key overlay.
    case help
    /// Every install-relevant parameter of a template or VM.
    case details(Ref<VMRecord>)
    /// The edit form.
    case editForm(EditForm)
    /// A computed plan waiting for `y`.
    case plan(ChangePlan)
    /// A question that `y` confirms.
    case confirm(Confirmation)
    /// The form of a new install, a template copy or a rename.
    case prompt(PromptForm)
    /// `e` on a vendor default template: the wiki's way is to copy it first (offers the copy).
    case vendorTemplate(Ref<VMRecord>)
    /// This pool's journal.
    case journal(JournalView)
    /// A change set left half-applied: `c` completes it, `b` rolls it back.
    case interrupted(ReconciledSet)
    /// A preflight report.
    case preflight(name: String, PreflightReport)
    /// Every status message, error and xe command of the session, newest first.
    case messages

    /// Whether the overlay is text that scrolls with ↑ ↓ PgUp PgDn (forms use those keys for fields).
    var scrolls: Bool {
        switch self {
        case .help, .details, .plan, .confirm, .preflight, .interrupted: true
        case .messages, .editForm, .prompt, .vendorTemplate, .journal: false
        }
    }

    /// What the overlay shows, ignoring edits in progress: a change of identity resets its scroll.
    var identity: String {
        switch self {
        case .help: "help"
        case .details(let ref): "details \(ref.rawValue)"
        case .editForm(let form): "edit \(form.target.rawValue)"
        case .plan: "plan"
        case .confirm: "confirm"
        case .prompt(let form): "prompt \(form.purpose)"
        case .vendorTemplate: "vendor template"
        case .preflight: "preflight"
        case .messages: "messages"
        case .journal(let view): "journal \(view.isShowingDetails ? view.selectedSet?.number ?? 0 : 0)"
        case .interrupted(let pending): "interrupted \(pending.set.number)"
        }
    }
}
