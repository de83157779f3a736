public import XenAPI

/// Carries out a rearm: hard shutdown when planned, the parameter changes (journaled and verified),
/// then an optional start.
public struct RearmExecutor {
    private let plans: PlanExecutor
    private var api: any XenAPICalling { plans.api }

    /// Creates an executor; `journal` nil records nothing.
    public init(api: any XenAPICalling, journal: (any JournalWriting)?) {
        plans = PlanExecutor(api: api, journal: journal)
    }

    /// Applies `plan` to the VM it was made for and returns the plan actually applied.
    ///
    /// After a hard shutdown the record is read again and the rearm planned afresh (the shutdown can
    /// change what needs writing); `template` is the record the plan was made with.
    @discardableResult
    public func apply(_ plan: RearmPlan, template: VMRecord?, context: JournalContext, start: Bool) throws -> RearmPlan {
        let ref = Ref<VMRecord>(plan.changes.target.ref)
        var applied = plan
        if plan.shutsDownFirst {
            _ = try api.call("VM.hard_shutdown", [.string(ref.rawValue)])
            let record = try api.vmRecord(ref)
            applied = try RearmPlanner.plan(ref: ref, record: record, template: template, force: false)
        }
        try plans.apply(applied.changes, context: context)
        if start {
            _ = try api.call("VM.start", [.string(ref.rawValue), .bool(false), .bool(false)])
        }
        return applied
    }
}
