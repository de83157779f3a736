/// How one VM compares with its template.
public struct DriftResult: Sendable, Hashable, Codable {
    /// The outcome of the comparison.
    public enum Status: String, Sendable, Hashable, Codable {
        /// PV-args and install keys match the template.
        case inSync = "in-sync"
        /// Some differ; ``DriftResult/plan`` brings them in line.
        case drifted
        /// No template could be found (`other_config.base_template_name` unset or unknown).
        case noTemplate = "no-template"
        /// Several templates have the VM's `base_template_name`: nothing is compared, `--fix` refuses.
        case ambiguousTemplate = "ambiguous-template"
    }

    /// The VM's name-label.
    public var vm: String
    /// The VM's UUID.
    public var uuid: String
    /// The template's name-label, when found.
    public var template: String?
    /// The comparison's outcome.
    public var status: Status
    /// The template's UUID, when found.
    public var templateUUID: String?
    /// Why no template is compared (missing or ambiguous), in words.
    public var problem: String?
    /// The changes that make the VM match its template (empty unless drifted).
    public var plan: ChangePlan

    /// Creates a result.
    public init(
        vm: String, uuid: String, template: String?, status: Status, plan: ChangePlan, templateUUID: String? = nil,
        problem: String? = nil
    ) {
        self.templateUUID = templateUUID
        self.problem = problem
        self.vm = vm
        self.uuid = uuid
        self.template = template
        self.status = status
        self.plan = plan
    }
}
