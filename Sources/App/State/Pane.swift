/// The three panes, in tab order.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    /// Templates of the pool.
    case templates
    /// VMs of the pool.
    case vms
    /// The selected VM's console.
    case console

    /// The tab title.
    public var title: String {
        switch self {
        case .templates: "Templates"
        case .vms: "VMs"
        case .console: "Console"
        }
    }
}
