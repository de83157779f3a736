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
    /// The name prompt of a new install.
    case newInstall(template: Ref<VMRecord>, name: TextInput)
    /// This pool's journal.
    case journal(JournalView)
    /// A change set left half-applied: `c` completes it, `b` rolls it back.
    case interrupted(ReconciledSet)
    /// A preflight report.
    case preflight(name: String, PreflightReport)
}
