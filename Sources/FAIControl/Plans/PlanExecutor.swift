import XMLRPC
public import XenAPI

/// Applies change plans through a XenAPI connection, journals each applied change, then reads the
/// record back and verifies it.
///
/// The controller's other operations (``RearmExecutor``, ``VMInstaller``) are built on one: its
/// connection is theirs, and their parameter changes go through it.
public struct PlanExecutor {
    /// The connection every call goes through.
    let api: any XenAPICalling
    private let journal: (any JournalWriting)?

    /// Creates an executor; `journal` nil records nothing (tests, dry runs).
    public init(api: any XenAPICalling, journal: (any JournalWriting)?) {
        self.api = api
        self.journal = journal
    }

    /// Applies `plan` and returns the record read back afterwards.
    ///
    /// Each change's calls run in order; once a change's last call succeeds it is journaled. A failed
    /// call or a read-back mismatch throws ``PlanExecutionError`` naming what had been applied.
    /// An empty plan makes no call at all (not even the read-back) and returns `nil`.
    @discardableResult
    public func apply(_ plan: ChangePlan, context: JournalContext) throws -> VMRecord? {
        guard !plan.isEmpty else { return nil }
        var applied: [PlannedChange] = []
        for change in plan.changes {
            for call in change.calls {
                do {
                    _ = try api.call(call.method, call.parameters)
                } catch {
                    throw PlanExecutionError(applied: applied, failedChange: change, failedCall: call, underlying: error)
                }
            }
            applied.append(change)
            try journal?.append(
                JournalEntry(
                    pool: context.pool, objectUUID: plan.target.uuid, objectName: plan.target.nameLabel,
                    isTemplate: plan.target.isTemplate, parameter: change.parameter, old: change.old,
                    new: change.new, time: context.now(), command: context.command, undoes: context.undoes))
        }
        let record: VMRecord
        do {
            record = try VMRecord(xmlrpc: api.call("VM.get_record", [.string(plan.target.ref)]))
        } catch {
            throw PlanExecutionError(applied: applied, failedChange: nil, failedCall: nil, underlying: error)
        }
        if let mismatch = PlanVerificationError.check(plan, against: record) {
            throw PlanExecutionError(applied: applied, failedChange: nil, failedCall: nil, underlying: mismatch)
        }
        return record
    }
}
