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

/// How and where an FAI install failed.
public struct FAIFailure: Sendable, Equatable {
    /// The kind of failure.
    public enum Kind: String, Sendable, Equatable {
        /// FAI stopped (`FATAL ERROR. Installation stopped.` or another `die`).
        case fatal
        /// FAI finished, but tasks reported error levels at or above the failure threshold (400).
        case errors
        /// The kernel panicked after FAI had started.
        case crash
    }

    /// The kind of failure.
    public var kind: Kind
    /// The failed task (the first task at or above the threshold for ``Kind/errors``).
    public var task: String?
    /// The error level: printed by FAI, or inferred from the task (see ``isCodeInferred``).
    public var code: Int?
    /// Whether ``code`` was inferred from the task because FAI 3.x prints none when it stops.
    public var isCodeInferred: Bool
    /// Error lines of the failed task.
    public var errorLines: [String]
    /// FAI's traceback (`task_error task_partition task …`), when printed.
    public var traceback: String?
    /// Every task with a level at or above the threshold, with its error lines.
    public var issues: [FAITaskIssue]

    /// Creates a failure description.
    public init(kind: Kind, task: String?, code: Int?, isCodeInferred: Bool = false,
                errorLines: [String] = [], traceback: String? = nil, issues: [FAITaskIssue] = []) {
        self.kind = kind
        self.task = task
        self.code = code
        self.isCodeInferred = isCodeInferred
        self.errorLines = errorLines
        self.traceback = traceback
        self.issues = issues
    }
}

/// Why a VM did not boot into FAI.
public struct FAINoBoot: Sendable, Equatable {
    /// The kind of boot failure.
    public enum Kind: String, Sendable, Equatable {
        /// `Kernel panic - not syncing: …` before FAI started (or in the installed system).
        case panic
        /// The initramfs dropped to its BusyBox shell (`(initramfs)` prompt).
        case initramfsShell
        /// Root-mount errors were printed and then the console stayed silent.
        case silentAfterError
    }

    /// The kind of boot failure.
    public var kind: Kind
    /// The lines that explain it (N2 lines, then the panic line), duplicates removed.
    public var reasonLines: [String]

    /// Creates a no-boot description.
    public init(kind: Kind, reasonLines: [String]) {
        self.kind = kind
        self.reasonLines = reasonLines
    }
}

/// Where a silent console was when it was declared hung.
public struct FAIHang: Sendable, Equatable {
    /// The running task, or `nil` before FAI started (a boot hang).
    public var task: String?
    /// The last complete line.
    public var lastLine: String?
    /// The partial line after it (a prompt waiting for input ends without LF).
    public var partialLine: String
    /// The silence that triggered the verdict, in seconds.
    public var silentSeconds: Double

    /// Creates a hang description.
    public init(task: String?, lastLine: String?, partialLine: String, silentSeconds: Double) {
        self.task = task
        self.lastLine = lastLine
        self.partialLine = partialLine
        self.silentSeconds = silentSeconds
    }
}

/// What a quiet console is waiting for (fai-console.md P5).
public enum FAIWait: String, Sendable, Equatable {
    /// `Press <RETURN> to reboot` was printed and no reboot followed.
    case waitingForReturn
    /// A shell prompt (initramfs or bash after a fatal error) waits for input.
    case waitingAtShell
    /// FAI sleeps on purpose so the operator can edit the config space (flag `wait`).
    case paused
}
