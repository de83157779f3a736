public import XenAPI

/// The VM or template a plan writes to, as it was when the plan was made.
public struct PlanTarget: Sendable, Hashable, Codable {
    /// The object reference the calls use.
    public var ref: String
    /// The object's UUID (what `xe` and the journal name it by).
    public var uuid: String
    /// The name-label when planned.
    public var nameLabel: String
    /// Whether it is a template (`xe template-param-set`) or a VM (`xe vm-param-set`).
    public var isTemplate: Bool

    /// Creates a target from its parts.
    public init(ref: String, uuid: String, nameLabel: String, isTemplate: Bool) {
        self.ref = ref
        self.uuid = uuid
        self.nameLabel = nameLabel
        self.isTemplate = isTemplate
    }

    /// Describes `record`, reached through `ref`.
    public init(ref: Ref<VMRecord>, record: VMRecord) {
        self.ref = ref.rawValue
        uuid = record.uuid
        nameLabel = record.nameLabel
        isTemplate = record.isATemplate
    }
}
