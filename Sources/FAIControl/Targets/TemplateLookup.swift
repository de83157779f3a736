public import XenAPI

/// The template a VM was made from, as far as it can be identified.
public enum TemplateLookup: Sendable, Hashable {
    /// How the template was identified.
    public enum Means: String, Sendable, Hashable {
        /// By the UUID xsfai recorded at install.
        case uuid
        /// By the VM's `base_template_name`, which only one template has.
        case name
    }

    /// Identified.
    case found(Ref<VMRecord>, VMRecord, by: Means)
    /// Several templates have the VM's `base_template_name`: it cannot be told which.
    case ambiguous(name: String, candidates: [String])
    /// No template: the reason in words.
    case missing(reason: String)

    /// Why there is no usable template, for messages; `nil` when found.
    public var problem: String? {
        switch self {
        case .found: nil
        case .ambiguous(let name, let candidates):
            "its base_template_name \"\(name)\" names \(candidates.count) templates (\(candidates.joined(separator: ", "))): "
                + "xsfai cannot tell which one it was made from"
        case .missing(let reason): reason
        }
    }
}
