/// What one cleaned console line means for FAI progress (the line classes of fai-console.md P2).
///
/// Ids in the comments are the P2 table's. Cases that carry no text (`errorLine`, `dieMessage`,
/// `noBootReason`) keep the whole line, which the tracker stores as is.
enum FAIConsoleEvent: Equatable, Sendable {
    /// K1 `Linux version <release>`.
    case kernelStarted(version: String)
    /// K2 `Booting paravirtualized kernel on Xen`.
    case paravirtualizedKernel
    /// K3 `Kernel command line: …` (and FAI's own `Kernel parameters: …`).
    case kernelCommandLine(String)
    /// I1 `Loading, please wait...`, `Begin: …`, `IP-Config: <if> complete`.
    case initramfs
    /// klibc ipconfig ` host   : <name>`, and the host of `Rebooting <host> now`.
    case hostName(String)
    /// I2 `INIT: version <v> booting`.
    case nfsrootInit
    /// B1 the banner's `Fully Automatic Installation  -  FAI`.
    case banner
    /// B2 the banner's version line.
    case faiVersion(String)
    /// T1 `Calling task_<name>`.
    case taskStarted(String)
    /// T2 `Skiping task_<name>` / `Skipping task_<name>`.
    case taskSkipped(String)
    /// T3 `Exit code task_<name>: <level>`.
    case taskExitCode(task: String, level: Int)
    /// T4 `Duration of task <name>:  <n>s`.
    case taskDuration(task: String, seconds: Int)
    /// T5 `Calling hook: <hook>` / `Source hook: <hook>`.
    case hook(String)
    /// S1 `<name>   OK.`
    case scriptSucceeded(String)
    /// S1 `<name> FAILED with exit code <n>.`
    case scriptFailed(name: String, code: Int)
    /// V1 `FAI_ACTION: <action>`.
    case action(String)
    /// V1 `FAI_FLAGS: <flags>`.
    case flags([String])
    /// V1 `List of all classes:  <classes>`.
    case classes([String])
    /// V1 `Starting FAI execution - <YYYYMMDD_HHMMSS>`.
    case executionStarted(String)
    /// X1 `Error in task <t>. Code: <n>` or `Error in task <t>. Traceback: <list>`.
    case fatalTask(task: String, code: Int?, traceback: String?)
    /// X1 `Traceback: <list>` on its own line (2014+).
    case traceback(String)
    /// X2 `FATAL ERROR. Installation stopped.`
    case fatalStop
    /// X3 a `die` message that ends FAI.
    case dieMessage
    /// E1 an error line for the current task.
    case errorLine
    /// P1 apt's `<u> upgraded, <n> newly installed, …` (aptitude: `packages upgraded`).
    case packageTotals(newlyInstalled: Int)
    /// P2 `Unpacking <package> …`.
    case packageUnpacked(String)
    /// P2 `Setting up <package> …`.
    case packageSetUp(String)
    /// P3 `Executing: <command>` (partition) or `Executing    shell: <script>` (configure).
    case executing(String)
    /// F1 `FAI finished at: <date>`.
    case finishedAt
    /// F1 `The install took <n> seconds.` (any action name).
    case actionTook(action: String, seconds: Int)
    /// F2 `Congratulations! No errors found in log files.`
    case logVerdictClean
    /// F2 `ERRORS found in log files. See <path>`.
    case logVerdictErrors(path: String)
    /// F3 `Press <RETURN> to reboot…`.
    case returnPrompt
    /// F4 `Rebooting <host> now`.
    case rebootingHost(String)
    /// F4 `Restarting system.`
    case restartingSystem
    /// N1 `Kernel panic - not syncing: <message>`.
    case kernelPanic(String)
    /// N2 a line explaining why the root file system was not mounted.
    case noBootReason
    /// P5 `Sleeping. Now you may change the config space …` (flag `wait`).
    case pausedForConfigSpace
}
