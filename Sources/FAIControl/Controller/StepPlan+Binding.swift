public import XenAPI

extension StepPlan {
    /// The step with every use of the ref `placeholder` (object, call arguments, probes) replaced by
    /// `ref`, and the journaled object UUID `uuid.placeholder` by `uuid.actual`.
    public func replacing(_ placeholder: Ref<VMRecord>, by ref: Ref<VMRecord>, uuid: (placeholder: String, actual: String)) -> StepPlan {
        func swap(_ candidate: Ref<VMRecord>) -> Ref<VMRecord> { candidate == placeholder ? ref : candidate }
        var bound = self
        bound.ref = swap(self.ref)
        if bound.step.objectUUID == uuid.placeholder { bound.step.objectUUID = uuid.actual }
        bound.writes = writes.map { write in
            var call = write.call
            call.arguments = call.arguments.map { $0 == placeholder.rawValue ? ref.rawValue : $0 }
            let probe: WriteProbe =
                switch write.probe {
                case .value(let target, let parameter, let before, let after):
                    .value(ref: swap(target), parameter: parameter, before: before, after: after)
                case .provisioned(let target): .provisioned(swap(target))
                case .powerState(let target, let state): .powerState(swap(target), state)
                case .destroyed(let target): .destroyed(swap(target))
                case .vifCreated(let vm, let device, let network): .vifCreated(vm: swap(vm), device: device, network: network)
                case .created, .diskDestroyed: write.probe
                }
            return PlannedWrite(call, probe: probe)
        }
        return bound
    }
}
