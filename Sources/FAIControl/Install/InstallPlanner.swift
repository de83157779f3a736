public import XenAPI

/// The parameter changes that make a new VM carry its template's PV-args and install keys (the
/// XenCenter wizard once dropped them; `--repo` overrides the repository) and record the template's
/// UUID (``InstallKeys/templateUUID``), so `check` and `rearm` find the template by identity.
public enum InstallPlanner {
    /// The changes for `record` (the new VM, reached through `ref`) made from `template`.
    public static func carryOverPlan(
        ref: Ref<VMRecord>, record: VMRecord, template: VMRecord, repository: String?,
        monitor: MonitorKernelArguments? = nil
    ) -> ChangePlan {
        var requested: [ParamChange] = []
        let pvArgs = monitor.map { $0.applied(to: template.pvArgs) } ?? template.pvArgs
        if !pvArgs.isEmpty { requested.append(ParamChange(.pvArgs, pvArgs)) }
        for key in InstallKeys.carried {
            let value = key == InstallKeys.repository ? (repository ?? template.otherConfig[key]) : template.otherConfig[key]
            if let value, !value.isEmpty { requested.append(ParamChange(.otherConfig(key), value)) }
        }
        return ChangePlan(ref: ref, record: record, requested: requested)
    }
}
