/// The observable state of one VM's FAI install, read from its console.
public struct FAIProgress: Sendable, Equatable {
    /// Where the VM is in boot and install.
    public var stage: FAIStage = .waiting
    /// The running FAI task (from `Calling task_<name>`), `nil` before FAI's first task.
    public var task: String?
    /// The current sub-step: the partition command, configure script or package being handled.
    public var step: String?
    /// The highest phase reached, 1…18 (0 before the first byte); never decreases.
    public var phaseIndex: Int = 0
    /// Estimated completion 0…100; never decreases; 100 at the reboot.
    public var percent: Double = 0
    /// FAI's version from the banner (e.g. `3.4.8`).
    public var faiVersion: String?
    /// The kernel release from `Linux version …`.
    public var kernelVersion: String?
    /// Whether the kernel announced a Xen PV boot.
    public var isParavirtualized = false
    /// The installing host's name (DHCP reply or the reboot line).
    public var hostName: String?
    /// FAI_FLAGS as printed by FAI.
    public var flags: [String] = []
    /// FAI's class list.
    public var classes: [String] = []
    /// FAI_ACTION as printed by FAI.
    public var action: String?
    /// The run date from `Starting FAI execution - …`.
    public var runDate: String?
    /// The kernel command line (kernel's or FAI's print of it).
    public var kernelCommandLine: String?
    /// Problems with the kernel command line (PV-args).
    public var kernelArgumentWarnings: [FAIKernelArgumentWarning] = []
    /// Every task seen, in order, with its level and error lines.
    public var tasks: [FAITaskRecord] = []
    /// instsoft's package counters (verbose installs only).
    public var packages = FAIPackageCounters()
    /// Whether the savelog hook found errors (`true`), none (`false`), or did not report (`nil`).
    public var logHasErrors: Bool?
    /// Seconds from `The install took <n> seconds.`
    public var installSeconds: Int?
    /// Lines explaining a failed boot (kernel panic, root mount errors).
    public var noBootReasons: [String] = []
    /// The verdict so far.
    public var outcome: FAIOutcome = .running
    /// What a quiet console waits for, if anything.
    public var wait: FAIWait?
    /// Whether `Press <RETURN> to reboot` was printed.
    public var sawReturnPrompt = false
    /// Whether FAI started (its banner or a first task was seen).
    public var hasFAIStarted = false
    /// The last complete console line.
    public var lastLine: String?
    /// The text after the last complete line.
    public var partialLine = ""

    /// Creates the state of a console that printed nothing yet.
    public init() {}

    /// Whether FAI runs with FAI_FLAGS `verbose` (apt output and more reach the console).
    public var isVerbose: Bool { flags.contains("verbose") }

    /// The highest error level of all tasks.
    public var maximumLevel: Int { tasks.map(\.level).max() ?? 0 }

    /// The record of a task, if it ran.
    public func record(of task: String) -> FAITaskRecord? {
        tasks.last { $0.name == task }
    }
}
