public import FAIControl
public import FAIMonitor
public import TUI
public import Terminal
public import XenAPI

/// Facts the reducer learns: keys, pool events, console output, results of effects.
public enum Action: Sendable, Hashable {
    /// A key was pressed.
    case keyPressed(Key)
    /// The screen was resized.
    case resized(Size)
    /// The process was asked to end.
    case terminationRequested
    /// The pool changed: its objects now.
    case poolChanged(PoolSnapshot)
    /// The pool connection changed state.
    case connectionChanged(ConnectionState)
    /// The console buffer took new output: its line count and FAI progress line now.
    case consoleAdvanced(lineCount: Int, phase: InstallPhase, progress: String)
    /// The console showed that FAI failed: the report for the VM's details.
    case consoleFailureRead(FailureReport)
    /// A console search finished.
    case consoleSearched(needle: String, matches: [SearchMatch])
    /// An operation succeeded.
    case operationSucceeded(OperationOutcome)
    /// An operation failed.
    case operationFailed(String)
    /// A new VM was created for an install (not yet started).
    case installCreated(vm: Ref<VMRecord>, OperationOutcome)
    /// This pool's journal was read.
    case journalLoaded(JournalContents)
    /// Interrupted change sets were reconciled against the pool (settled ones are recorded).
    case journalReconciled([ReconciledSet])
    /// What destroying VMs would remove (plans), and why others are refused.
    case destroyPlanned([DestroyPlan], refused: [String])
    /// A preflight finished.
    case preflightCompleted(vm: Ref<VMRecord>, PreflightReport)
    /// The console capture was written to a file.
    case captureSaved(path: String, lines: Int)
    /// Text was copied to the clipboard.
    case clipboardCopied(lines: Int)
    /// Background capture `id` of `vm` changed state (connecting, capturing, retrying, refused).
    case captureStatusChanged(vm: Ref<VMRecord>, id: Int, BackgroundCaptureState.Status)
    /// Background capture `id` of `vm` read more: its install phase, progress line and last line.
    case captureAdvanced(vm: Ref<VMRecord>, id: Int, CaptureReading)
    /// A background capture showed that FAI failed on `vm`: the report for its details.
    case captureFailureRead(vm: Ref<VMRecord>, FailureReport)
    /// The FAI monitor heard something: its fleet at `time` (seconds since the epoch).
    case monitorChanged(MonitorFleet, at: Double)
    /// The wall clock (seconds since the epoch), for elapsed times.
    case clockTicked(Double)
    /// The console of `vm` printed the installing host's name (FAI's DHCP reply).
    case consoleHostNameRead(vm: Ref<VMRecord>, name: String)
}
