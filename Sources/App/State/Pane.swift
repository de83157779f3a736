/// The panes, in tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    /// Templates of the pool.
    case templates
    /// VMs of the pool.
    case vms
    /// The selected VM's console.
    case console
    /// Every install attempt at once: console and FAI monitor merged.
    case fleet

    /// Whether the pane is one of the VM-record lists (templates, VMs) kept in a ``ListState``.
    public var isList: Bool { self == .templates || self == .vms }

    /// The tab title.
    public var title: String {
        switch self {
        case .templates: "Templates"
        case .vms: "VMs"
        case .console: "Console"
        case .fleet: "Fleet"
        }
    }
}
