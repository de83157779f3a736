/// The verdict on an install so far (fai-console.md P4). Reboots and `login:` are tracked by
/// ``FAIStage``, and waits and hangs by ``FAIWait``, so a verdict is never lost when the VM reboots
/// or sits at a prompt.
public enum FAIOutcome: Sendable, Equatable {
    /// No verdict yet.
    case running
    /// FAI finished without errors.
    case succeeded
    /// FAI finished; some tasks reported warnings (levels 300–399, or the savelog hook found errors).
    case succeededWithWarnings([FAITaskIssue])
    /// FAI stopped, finished with errors, or the kernel crashed under it.
    case failed(FAIFailure)
    /// The VM never reached FAI: kernel panic, initramfs shell, or no root file system.
    case noBoot(FAINoBoot)
    /// The console went silent for longer than the thresholds allow while the install ran.
    case hung(FAIHang)

    /// Whether a verdict exists (anything but ``running``).
    public var isDecided: Bool {
        if case .running = self { return false }
        return true
    }
}
