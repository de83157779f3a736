import FAIControl
import XenAPI

extension AppState {
    /// How `record` compares with its template, by the same check as `xsfai check`; `nil` for objects
    /// the check does not cover (templates, HVM VMs, control domains, snapshots).
    ///
    /// Cheap enough per drawn row: the resolver searches only `templateRecords`, which hold every
    /// template of the pool (the only records ``TargetResolver/template(of:)`` looks at).
    public func drift(of ref: Ref<VMRecord>, _ record: VMRecord) -> DriftResult? {
        guard DriftChecker.isCovered(record) else { return nil }
        return DriftChecker.check(ref, record, resolver: TargetResolver(records: templateRecords))
    }
}

extension DriftResult {
    /// The DRIFT column: the parameters that differ (`PV-args`, other-config key names), comma-separated.
    var columnText: String {
        plan.changes.map { $0.parameter.otherConfigKey ?? $0.parameter.xeName }.joined(separator: ",")
    }
}
