import FAIControl
import XenAPI

extension LoopbackPool {
    /// The MAC of the first VIF (device 0) of the VM named `name`: its send id under `FAI_SENDID=mac`.
    func mac(of name: String) throws -> String? {
        try session.vifs(of: try session.ref(named: name))["0"]?.record.mac
    }
}
