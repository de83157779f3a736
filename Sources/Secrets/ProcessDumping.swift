import CSecrets

/// Whether the process may be dumped: a core file, or another process of the same user reading its
/// memory through `/proc/<pid>/mem` or ptrace.
public enum ProcessDumping {
    /// Makes the process non-dumpable for good (`prctl(PR_SET_DUMPABLE, 0)`); call it once a secret
    /// is held. Returns whether it took effect.
    @discardableResult
    public static func disable() -> Bool { xsfai_disable_dumping() == 0 }
}
