/// Which objects a command's target may name.
public enum TargetKind: String, Sendable, Hashable {
    /// Templates only.
    case template
    /// VMs only (control domains included, so commands can refuse them by name).
    case vm
    /// Templates or VMs.
    case any

    /// The noun for messages.
    public var noun: String {
        switch self {
        case .template: "template"
        case .vm: "VM"
        case .any: "template or VM"
        }
    }
}
