import FAIControl
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
    /// Why the label says what it says: what it was read from, and for a guess, what the API cannot
    /// settle (shown in the details view).
    public let reason: String

    /// Classifies `record` using what the console of its current attempt showed and the templates in
    /// `state`: the one place the install state is derived (VMs column, details, filters).
    public init(ref: Ref<VMRecord>, record: VMRecord, state: AppState) {
        self.init(ref: ref, record: record, phase: state.phases[ref]?.phase(for: record) ?? .unknown, templates: state.templateRecords)
    }

    /// Classifies `record` from what its console showed (`phase`; `.unknown` when nobody watched, as
    /// in the CLI) and the pool's `templates` (for the rearm planner's view of "armed").
    public init(ref: Ref<VMRecord>, record: VMRecord, phase: InstallPhase, templates: [Ref<VMRecord>: VMRecord]) {
        let onEliloader = record.pvBootloader == "eliloader" && record.otherConfig["install-distro"] != nil
        switch phase {
        case .installing(let task, let index, let count):
            (label, kind) = ("installing \(task) \(index)/\(count)", .active)
            reason = "Read from the console: FAI is running task_\(task), phase \(index) of \(count)."
        case .succeeded:
            (label, kind, reason) = ("installed", .good, "Read from the console: FAI reported a successful installation.")
        case .failed(let task):
            (label, kind) = ("failed (\(task))", .bad)
            reason = "Read from the console: FAI failed in task_\(task). r rearms the VM for a new install."
        case .noBoot:
            (label, kind, reason) = ("no-boot", .bad, "Read from the console: the installer kernel did not boot into FAI (panic or no NFS root).")
        case .hung:
            (label, kind, reason) = ("hung", .bad, "Read from the console: no output for too long during the install.")
        case .unknown:
            if !record.isPV {
                (label, kind, reason) = ("HVM", .neutral, "Not a PV VM: FAI network installs through eliloader do not apply.")
            } else if onEliloader {
                // On eliloader, but armed only when the rearm planner has nothing left to write.
                let missing = (try? RearmPlanner.plan(ref, record, templates: templates, force: true))?.changes.changes
                    .map { $0.parameter.otherConfigKey ?? $0.parameter.xeName } ?? []
                if missing.isEmpty {
                    (label, kind, reason) = ("armed", .active, "PV-bootloader is eliloader and other-config has install-distro: the next start runs the network install.")
                } else {
                    (label, kind) = ("half-armed: \(missing.joined(separator: ",")) (r)", .bad)
                    reason = "PV-bootloader is eliloader, but the install would not run as the template "
                        + "intends: \(missing.joined(separator: ", ")) missing or empty. r restores them from the template."
                }
            } else if record.pvBootloader == "pygrub" && record.powerState == .halted
                && record.otherConfig["install-repository"] != nil
            {
                // eliloader latched the VM to pygrub and it is not running: either installed and shut
                // down, or an install that was cut short (the API cannot see the disk). Say both.
                (label, kind) = ("aborted install? (r rearms)", .bad)
                reason = "A guess: eliloader switched PV-bootloader to pygrub when the install began, and the "
                    + "VM is halted. The API cannot see the disk: installed and shut down, or cut short? "
                    + "s starts it (watch the console); r rearms it (eliloader, install keys restored)."
            } else if record.pvBootloader == "pygrub" {
                (label, kind, reason) = ("installed", .good, "PV-bootloader is pygrub: the VM boots the installed system from its disk.")
            } else {
                (label, kind, reason) = ("", .neutral, "Neither armed for an install (eliloader) nor booting an installed disk (pygrub).")
            }
        }
    }
}
