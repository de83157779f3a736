/// Why xsfai refuses to destroy a VM or template.
public enum DestroyError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The VM is not halted.
    case notHalted(String, state: String)
    /// A vendor default template: xapi refuses, and the wiki's way is to copy it.
    case defaultTemplate(String)
    /// A control domain or snapshot.
    case notAVM(String)

    public var description: String {
        switch self {
        case .notHalted(let name, let state):
            "\(name) is \(state); destroy needs it halted (shut it down first)"
        case .defaultTemplate(let name):
            "\(name) is a vendor default template; it cannot be deleted (copy it to make your own)"
        case .notAVM(let name):
            "\(name) is not a VM or custom template; xsfai does not destroy it"
        }
    }
}
