import FAIControl
import XenAPI

extension AppState {
    /// The rearm plan for `record`, by the same planner as `xsfai rearm`, with the VM's template found
    /// among `templateRecords`. `force` allows the hard shutdown of a running VM.
    ///
    /// "Armed" is exactly a plan with nothing to write, so the `r` key, the install-state column and the
    /// CLI never disagree (a VM on eliloader whose PV-args were dropped is not armed: it would not boot
    /// the installer).
    func rearmPlan(_ ref: Ref<VMRecord>, _ record: VMRecord, force: Bool) throws(RearmError) -> RearmPlan {
        let template = TargetResolver(records: templateRecords).template(of: record)?.record
        return try RearmPlanner.plan(ref: ref, record: record, template: template, force: force)
    }
}
