/// Where an install stands, as read from the VM's console by the FAI progress tracker.
public enum InstallPhase: Sendable, Hashable {
    /// Nothing FAI-related seen.
    case unknown
    /// FAI is running `task`, phase `index` of `count`.
    case installing(task: String, index: Int, count: Int)
    /// FAI finished successfully.
    case succeeded
    /// FAI failed in `task`.
    case failed(task: String)
    /// The kernel did not boot into FAI (panic, no NFS root).
    case noBoot
    /// No output for too long.
    case hung
}
