public import FAIControl
public import XenAPI

/// Imperatives the reducer returns; the runner (or the loop, for console-buffer work) performs them.
public enum Effect: Sendable, Hashable {
    /// A different VM's console is shown: its capture's history, or a fresh capture.
    case resetConsoleBuffer
    /// Read the install's progress afresh (the VM started again); the capture stays.
    case restartInstallProgress
    /// Write a lifecycle marker line into the console capture.
    case markConsole(String)
    /// Search the console buffer.
    case searchConsole(String)
    /// Save the console capture to a file named after the VM.
    case saveConsoleCapture(vmName: String)
    /// Copy the visible console text, or the line of `matchLine`, to the clipboard.
    case copyConsoleText(matchLine: Int?, scrollBack: Int)
    /// Copy `text` to the operator's clipboard (OSC 52).
    case copyText(String)
    /// Apply a parameter plan.
    case applyPlan(ChangePlan)
    /// Carry out a rearm plan.
    case rearm(RearmPlan)
    /// Undo a change set (`nil`: the newest not yet undone).
    case undo(Int?)
    /// Create a VM from a template (its record as the reducer holds it).
    case install(InstallRequest, template: Ref<VMRecord>, record: VMRecord)
    /// Read this pool's journal (for the journal view).
    case loadJournal
    /// Reconcile interrupted change sets against the pool (at start-up).
    case reconcileJournal
    /// Apply the rest of a pending change set.
    case completeChangeSet(Int)
    /// Revert what a pending change set applied.
    case rollBackChangeSet(Int)
    /// Copy a template under a new name and description.
    case copyTemplate(Ref<VMRecord>, name: String, description: String)
    /// Read what destroying these VMs or templates removes (their disks), for the confirmation.
    case planDestroy([Ref<VMRecord>])
    /// Destroy a VM or template (and its disks, as planned); journaled, not undoable.
    case destroy(DestroyPlan)
    /// Ask the guest to shut down.
    case cleanShutdownVM(Ref<VMRecord>)
    /// Ask the guest to reboot.
    case rebootVM(Ref<VMRecord>)
    /// Start a VM.
    case startVM(Ref<VMRecord>)
    /// Hard-shut a VM down.
    case hardShutdownVM(Ref<VMRecord>)
    /// Run a preflight.
    case preflight(Ref<VMRecord>)
    /// Capture `vm`'s console in the background as capture `id`, following it across reboots.
    /// `freshAttempt`: the VM started again, so the install progress is read afresh (the history stays).
    case startCapture(vm: Ref<VMRecord>, id: Int, freshAttempt: Bool)
    /// Stop capturing `vm` in the background; `keepHistory` keeps what was captured for later viewing.
    case endCapture(vm: Ref<VMRecord>, keepHistory: Bool)
    /// Send typed bytes to `vm`'s background capture connection.
    case sendToCapture(vm: Ref<VMRecord>, [UInt8])
    /// Perform these effects in order (an action on several marked VMs).
    case batch([Effect])
    /// Suspend the process (Ctrl-Z).
    case suspend
    /// Leave the program.
    case quit
}
