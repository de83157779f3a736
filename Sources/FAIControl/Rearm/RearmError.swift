/// Why a VM cannot be rearmed.
public enum RearmError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target is a template.
    case isTemplate(String)
    /// The target is an HVM VM (eliloader is a PV bootloader).
    case isHVM(String)
    /// The target is a control domain.
    case isControlDomain(String)
    /// The VM is not halted and `--force` was not given.
    case notHalted(String, state: String)
    /// Keys eliloader needs are missing from the VM and cannot be restored from its template.
    case missingKeys(String, keys: [String], template: String?)

    public var description: String {
        switch self {
        case .isTemplate(let name):
            return "\(name) is a template; rearm works on VMs (use xsfai install to make one)"
        case .isHVM(let name):
            return "\(name) is an HVM VM; rearm arms the PV installer (eliloader) and needs a PV VM"
        case .isControlDomain(let name):
            return "\(name) is a control domain; it cannot be rearmed"
        case .notHalted(let name, let state):
            return "\(name) is \(state); rearm needs it halted: add --force to hard-shut it down first"
        case .missingKeys(let name, let keys, let template):
            let list = keys.map { "other-config:\($0)" }.joined(separator: ", ")
            let source = template.map { "its template \"\($0)\" lacks them too" }
                ?? "it has no template to restore them from (other-config:base_template_name)"
            return "\(name) lacks \(list) and \(source); set them with xsfai vm-set"
        }
    }
}
