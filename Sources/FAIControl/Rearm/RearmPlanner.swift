import Foundation
public import XenAPI

/// Plans making a failed install run again on the VM's next boot.
///
/// eliloader switches a debianlike VM to pygrub and removes `install-distro` at its first boot, so an
/// install that was stopped leaves a VM that boots an empty disk. Rearming sets `PV-bootloader` back to
/// `eliloader` and `install-distro` (the VM's own if still set, else the template's, else `debianlike`),
/// restores missing `install-repository` / `debian-release` / `install-arch` and empty `PV-args` from the
/// template, and fails naming what is missing when the template cannot supply it.
public enum RearmPlanner {
    /// Plans rearming `record` (reached through `ref`); `template` is the VM's template, if found.
    public static func plan(
        ref: Ref<VMRecord>, record: VMRecord, template: VMRecord?, force: Bool,
        monitor: MonitorKernelArguments? = nil
    ) throws(RearmError) -> RearmPlan {
        let name = record.nameLabel
        if record.isATemplate { throw .isTemplate(name) }
        if record.isControlDomain { throw .isControlDomain(name) }
        if !record.isPV { throw .isHVM(name) }

        var requested = [ParamChange(.pvBootloader, "eliloader")]
        var restored: [String] = []
        var warnings: [String] = []
        let distro = nonEmpty(record.otherConfig[InstallKeys.distro])
            ?? nonEmpty(template?.otherConfig[InstallKeys.distro]) ?? InstallKeys.defaultDistro
        requested.append(ParamChange(.otherConfig(InstallKeys.distro), distro))

        var missing: [String] = []
        for key in InstallKeys.required(for: distro) where nonEmpty(record.otherConfig[key]) == nil {
            if let value = nonEmpty(template?.otherConfig[key]) {
                requested.append(ParamChange(.otherConfig(key), value))
                restored.append("other-config:\(key)")
            } else {
                missing.append(key)
            }
        }
        if !missing.isEmpty { throw .missingKeys(name, keys: missing, template: template?.nameLabel) }

        if record.pvArgs.trimmingCharacters(in: .whitespaces).isEmpty {
            if let args = template.flatMap({ nonEmpty($0.pvArgs) }) {
                requested.append(ParamChange(.pvArgs, args))
                restored.append("PV-args")
            } else {
                warnings.append("PV-args are empty and no template supplies them: the installer kernel will "
                    + "not find its root; set them with xsfai vm-set \(name) PV-args=…")
            }
        }

        if let monitor {
            let base = requested.last { $0.parameter == .pvArgs }?.value ?? record.pvArgs
            let withMonitor = monitor.applied(to: base)
            requested.removeAll { $0.parameter == .pvArgs }
            if withMonitor != record.pvArgs { requested.append(ParamChange(.pvArgs, withMonitor)) }
        }

        let changes = ChangePlan(ref: ref, record: record, requested: requested)
        var shutsDown = false
        if !changes.isEmpty && record.powerState != .halted {
            guard force else { throw .notHalted(name, state: record.powerState.rawValue.lowercased()) }
            shutsDown = true
        }
        return RearmPlan(
            changes: changes, shutsDownFirst: shutsDown, templateName: template?.nameLabel,
            restoredFromTemplate: restored, warnings: warnings)
    }

    /// Plans rearming `record` with its template identified among `resolver`'s records
    /// (``TargetResolver/templateLookup(of:)``); a template that cannot be identified restores nothing
    /// and says why in the warnings.
    public static func plan(
        ref: Ref<VMRecord>, record: VMRecord, resolver: TargetResolver, force: Bool,
        monitor: MonitorKernelArguments? = nil
    ) throws(RearmError) -> RearmPlan {
        let lookup = resolver.templateLookup(of: record)
        var template: VMRecord?
        if case .found(_, let found, _) = lookup { template = found }
        var plan = try self.plan(ref: ref, record: record, template: template, force: force, monitor: monitor)
        if case .ambiguous = lookup, let problem = lookup.problem {
            plan.warnings.append("\(record.nameLabel): \(problem); nothing is restored from a template")
        }
        return plan
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }
}
