public import XenAPI

/// How to tell from a fresh read whether one write took effect, when its reply never arrived.
public enum WriteProbe: Sendable, Hashable {
    /// A field of `ref` that the write moves from `before` to `after`.
    case value(ref: Ref<VMRecord>, parameter: VMParameter, before: String?, after: String?)
    /// A clone or copy named `marker` (a name only this change set uses).
    case created(marker: String)
    /// `VM.provision` of `ref`: it is no longer a template.
    case provisioned(Ref<VMRecord>)
    /// A power operation on `ref` that leaves it in `state`.
    case powerState(Ref<VMRecord>, VMPowerState)
    /// `VM.destroy` of `ref`: the handle is gone.
    case destroyed(Ref<VMRecord>)
    /// `VDI.destroy` of the disk `vdi`: the handle is gone.
    case diskDestroyed(String)
    /// `VIF.create` of device `device` of `vm` on `network`: the VM has a VIF with that device (read
    /// from the VM's VIFs, so a lost reply never makes a second VIF).
    case vifCreated(vm: Ref<VMRecord>, device: String, network: Ref<NetworkRecord>)
}

/// One state-changing call and how to find out whether it happened.
public struct PlannedWrite: Sendable, Hashable {
    /// The call.
    public var call: APICall
    /// The read that decides whether it happened.
    public var probe: WriteProbe

    /// Creates a write.
    public init(_ call: APICall, probe: WriteProbe) {
        self.call = call
        self.probe = probe
    }

    /// The writes of a parameter change, each with its probe (an existing other-config key is removed
    /// and then added, as xe does).
    public static func writes(of change: PlannedChange, ref: Ref<VMRecord>) -> [PlannedWrite] {
        change.calls.map { call in
            let after: String? = call.method == "VM.remove_from_other_config" ? nil : change.new
            let before: String? = call.method == "VM.add_to_other_config" ? nil : change.old
            return PlannedWrite(call, probe: .value(ref: ref, parameter: change.parameter, before: before, after: after))
        }
    }
}
