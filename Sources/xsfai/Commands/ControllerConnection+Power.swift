import FAIControl
import XenAPI

extension ControllerConnection {
    /// Resolves `query` among `kind` and runs `action` on it, a power-state error turned into the
    /// sentence ``PowerStateMessage`` gives for `operation`; returns the VM's name.
    func changePowerState(
        of query: String, kind: TargetKind, operation: String, _ action: (Ref<VMRecord>) throws -> Void
    ) throws -> String {
        let (ref, record) = try resolver().resolve(query, kind: kind)
        do {
            try action(ref)
        } catch {
            throw PowerStateMessage.refusal(error, operation: operation, name: record.nameLabel) ?? error
        }
        return record.nameLabel
    }
}
