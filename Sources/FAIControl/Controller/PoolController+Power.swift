public import XenAPI

extension PoolController {
    /// A power operation (`VM.hard_shutdown`, `VM.clean_shutdown`, `VM.start`) on `ref`, sent once; a lost
    /// reply is settled by reading the power state back. Not journaled: there is nothing to undo.
    public func power(_ method: String, _ ref: Ref<VMRecord>, leaving state: VMPowerState) throws {
        let write = PlannedWrite(APICall(method, [ref.rawValue]), probe: .powerState(ref, state))
        // VM.start takes two booleans after the VM (start_paused, force), which APICall's strings cannot say.
        _ = try perform(write, parameters: method == "VM.start" ? [.string(ref.rawValue), .bool(false), .bool(false)] : nil)
    }

    /// Starts the VM `ref` (`VM.start(vm, false, false)`), settled by reading back on a lost reply.
    public func start(_ ref: Ref<VMRecord>) throws { try power("VM.start", ref, leaving: .running) }
}
