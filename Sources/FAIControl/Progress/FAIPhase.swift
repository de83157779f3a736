/// The 18 canonical phases of an FAI install (fai-console.md P3), with the tasks that start them.
public enum FAIPhase: Int, Sendable, Equatable, CaseIterable {
    /// 1: the kernel boots.
    case boot = 1
    /// 2: initramfs and NFS root.
    case initramfs
    /// 3: nfsroot init and FAI's banner.
    case faiStart
    /// 4: task confdir.
    case confdir
    /// 5: task setup.
    case setup
    /// 6: task defclass.
    case defclass
    /// 7: task defvar.
    case defvar
    /// 8: task action (with the 7 s of beeps).
    case action
    /// 9: task partition.
    case partition
    /// 10: task mountdisks.
    case mountdisks
    /// 11: task extrbase.
    case extrbase
    /// 12: tasks mirror, debconf, prepareapt or repository.
    case repository
    /// 13: task updatebase.
    case updatebase
    /// 14: task instsoft.
    case instsoft
    /// 15: task configure.
    case configure
    /// 16: tasks test(s), finish and chboot.
    case finish
    /// 17: task savelog.
    case savelog
    /// 18: task faiend and the reboot.
    case faiend

    /// The number of phases ("task k of 18").
    public static let count = 18

    /// The phase a task starts, or `nil` for containers (`install`) and unknown (user) tasks.
    public init?(task: String) {
        switch task {
        case "confdir": self = .confdir
        case "setup": self = .setup
        case "defclass": self = .defclass
        case "defvar": self = .defvar
        case "action": self = .action
        case "partition": self = .partition
        case "mountdisks": self = .mountdisks
        case "extrbase": self = .extrbase
        case "mirror", "debconf", "prepareapt", "repository": self = .repository
        case "updatebase": self = .updatebase
        case "instsoft": self = .instsoft
        case "configure": self = .configure
        case "test", "tests", "finish", "chboot": self = .finish
        case "savelog": self = .savelog
        case "faiend": self = .faiend
        default: return nil
        }
    }

    /// Default weights for the percentage (a guess from typical durations; they sum to 100).
    public static let defaultWeights: [Double] = [2, 2, 1, 1, 1, 1, 1, 1, 3, 1, 7, 1, 7, 55, 8, 3, 2, 3]

    /// Default expected durations in seconds, for time-based progress in silent phases
    /// (midpoints of fai-console.md F11).
    public static let defaultExpectedSeconds: [Double] =
        [10, 8, 3, 5, 3, 5, 2, 8, 15, 3, 50, 5, 60, 600, 30, 10, 5, 10]
}
