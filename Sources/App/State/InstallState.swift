public import XenAPI

/// The install-state column of the VMs pane, derived from the record and what the console showed.
public struct InstallState: Sendable, Hashable {
    /// What kind of state, for colouring.
    public enum Kind: Sendable, Hashable {
        /// Nothing to say.
        case neutral
        /// Will install on next start, or is installing.
        case active
        /// Installed.
        case good
        /// Failed, no-boot or aborted: needs attention (rearm).
        case bad
    }

    /// The column text, e.g. `installing instsoft 5/12`.
    public let label: String
    /// The kind.
    public let kind: Kind

    /// Classifies `record` using the console phases and templates in `state`.
    public init(ref: Ref<VMRecord>, record: VMRecord, state: AppState) {
        let armed = record.pvBootloader == "eliloader" && record.otherConfig["install-distro"] != nil
        switch state.phases[ref] ?? .unknown {
        case .installing(let task, let index, let count):
            (label, kind) = ("installing \(task) \(index)/\(count)", .active)
        case .succeeded:
            (label, kind) = ("installed", .good)
        case .failed(let task):
            (label, kind) = ("failed (\(task))", .bad)
        case .noBoot:
            (label, kind) = ("no-boot", .bad)
        case .hung:
            (label, kind) = ("hung", .bad)
        case .unknown:
            if !record.isPV {
                (label, kind) = ("HVM", .neutral)
            } else if armed {
                (label, kind) = ("armed", .active)
            } else if record.pvBootloader == "pygrub" && record.powerState == .halted
                && record.otherConfig["install-repository"] != nil
            {
                // eliloader latched the VM to pygrub and it is not running: either installed and shut
                // down, or an install that was cut short (the API cannot see the disk). Say both.
                (label, kind) = ("aborted install? (r rearms)", .bad)
            } else if record.pvBootloader == "pygrub" {
                (label, kind) = ("installed", .good)
            } else {
                (label, kind) = ("", .neutral)
            }
        }
    }
}
