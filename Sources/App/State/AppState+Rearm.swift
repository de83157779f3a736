import FAIControl
import XenAPI

extension AppState {
    /// The rearm plan for `record`, by the same planner as `xsfai rearm`, with the VM's template found
    /// among `templateRecords`. `force` allows the hard shutdown of a running VM.
    ///
    /// "Armed" is exactly a plan with nothing to write, so the `r` key, the install-state column and the
    /// CLI never disagree (a VM on eliloader whose PV-args were dropped is not armed: it would not boot
    /// the installer).
    /// With `withMonitor`, the PV-args gain the fleet's monitor arguments (``FleetState/monitorTarget``)
    /// as `xsfai rearm --monitor` adds them.
    func rearmPlan(_ ref: Ref<VMRecord>, _ record: VMRecord, force: Bool, withMonitor: Bool = false) throws(RearmError) -> RearmPlan {
        try RearmPlanner.plan(ref, record, templates: templateRecords, force: force, monitor: withMonitor ? fleet.monitorTarget : nil)
    }
}

extension RearmPlanner {
    /// The rearm plan for `record` with its template looked up among `templates`.
    static func plan(
        _ ref: Ref<VMRecord>, _ record: VMRecord, templates: [Ref<VMRecord>: VMRecord], force: Bool,
        monitor: MonitorKernelArguments? = nil
    ) throws(RearmError) -> RearmPlan {
        let template = TargetResolver(records: templates).template(of: record)?.record
        return try plan(ref: ref, record: record, template: template, force: force, monitor: monitor)
    }
}
