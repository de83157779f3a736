/// What rearming a VM will do: an optional hard shutdown, then parameter changes.
public struct RearmPlan: Sendable, Hashable, Codable {
    /// The parameter changes (empty when already armed).
    public var changes: ChangePlan
    /// Whether the VM is hard-shut-down first (running, paused or suspended, with `--force`).
    public var shutsDownFirst: Bool
    /// The template values were restored from, when any were.
    public var templateName: String?
    /// Parameters whose value comes from the template (xe names).
    public var restoredFromTemplate: [String]
    /// Things an operator should know that do not stop the rearm.
    public var warnings: [String]

    /// Creates a plan.
    public init(
        changes: ChangePlan, shutsDownFirst: Bool, templateName: String?, restoredFromTemplate: [String],
        warnings: [String]
    ) {
        self.changes = changes
        self.shutsDownFirst = shutsDownFirst
        self.templateName = templateName
        self.restoredFromTemplate = restoredFromTemplate
        self.warnings = warnings
    }

    /// Whether the VM is already armed: nothing to write, nothing to shut down.
    public var isAlreadyArmed: Bool { changes.isEmpty && !shutsDownFirst }
}
