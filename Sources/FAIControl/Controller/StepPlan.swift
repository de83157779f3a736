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

    /// `VIF.create` of `interface` on `target`, found again by its device when the reply is lost.
    public static func vifCreation(_ interface: NetworkChoice.Interface, target: PlanTarget) -> StepPlan {
        let ref = Ref<VMRecord>(target.ref)
        let call = VIFCreation.call(vm: ref, network: interface.network, device: interface.device, mtu: interface.mtu)
        return StepPlan(
            step: JournalStep(creating: interface, of: target), ref: ref,
            writes: [PlannedWrite(call, probe: .vifCreated(vm: ref, device: interface.device, network: interface.network))])
    }

    /// Whether `record` (the object now; `nil` when gone) shows the step as applied, not applied or
    /// neither. For `VIF.create`, `vifNetworks` is the VM's VIFs now (device → network UUID; `nil`:
    /// not read): a VIF at the device on the planned network is applied, on another network unknown.
    public static func state(of step: JournalStep, in record: VMRecord?, vifNetworks: [String: String]? = nil) -> StepState {
        if step.operation == VIFCreation.method, let device = step.device {
            guard record != nil, let vifNetworks else { return .unknown }
            guard let network = vifNetworks[device] else { return .notApplied }
            return network == step.network ? .applied : .unknown
        }
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
