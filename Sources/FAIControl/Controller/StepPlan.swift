public import XenAPI

/// One step of a change set ready to run: its journal line, the object it writes to and its writes.
public struct StepPlan: Sendable, Hashable {
    /// What the journal records.
    public var step: JournalStep
    /// The object written to.
    public var ref: Ref<VMRecord>
    /// The calls, in order, each with its probe.
    public var writes: [PlannedWrite]

    /// Creates a step.
    public init(step: JournalStep, ref: Ref<VMRecord>, writes: [PlannedWrite]) {
        self.step = step
        self.ref = ref
        self.writes = writes
    }

    /// The steps of `plan`: one per parameter change.
    public static func changes(of plan: ChangePlan) -> [StepPlan] {
        let ref = Ref<VMRecord>(plan.target.ref)
        return plan.changes.map { change in
            StepPlan(step: JournalStep(change, of: plan.target), ref: ref, writes: PlannedWrite.writes(of: change, ref: ref))
        }
    }

    /// An operation on `target` that leaves it in `state` (`VM.hard_shutdown` → halted).
    public static func power(_ method: String, target: PlanTarget, leaving state: VMPowerState) -> StepPlan {
        let ref = Ref<VMRecord>(target.ref)
        return StepPlan(
            step: JournalStep(operation: method, of: target), ref: ref,
            writes: [PlannedWrite(APICall(method, [target.ref]), probe: .powerState(ref, state))])
    }

    /// Whether `record` (the object now; `nil` when gone) shows the step as applied, not applied or neither.
    public static func state(of step: JournalStep, in record: VMRecord?) -> StepState {
        guard let parameter = step.parameter else {
            switch step.operation {
            case "VM.destroy": return record == nil ? .applied : .notApplied
            // A disk goes after its VM (the controller reads each disk back itself): applied once the VM is gone.
            case let operation? where operation.hasPrefix("VDI.destroy"): return record == nil ? .applied : .notApplied
            case "VM.provision": return record.map { $0.isATemplate ? .notApplied : .applied } ?? .unknown
            case "VM.hard_shutdown": return record.map { $0.powerState == .halted ? .applied : .notApplied } ?? .unknown
            default: return .unknown
            }
        }
        guard let record else { return .unknown }
        let current = parameter.value(in: record)
        if current == step.new { return .applied }
        return current == step.old ? .notApplied : .unknown
    }
}
