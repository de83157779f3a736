/// An install decided before anything is written (``PoolController/planInstall(_:templateRef:template:existing:)``):
/// the creating change set the controller runs, plus what the report says about it.
public struct InstallPlan: Sendable, Hashable, Encodable {
    /// The clone, the steps and the start, as the controller runs them.
    public var creation: CreationPlan
    /// The carry-over changes among the steps (the template's PV-args, install keys, `--repo`, the
    /// monitor), planned against the predicted clone; empty when the clone keeps them all.
    public var carried: ChangePlan
    /// The SR the disks are provisioned on, when the template has disks.
    public var srUUID: String?
    /// The VIFs the install creates, in device order.
    public var interfaces: [NetworkChoice.Interface]
    /// How the networks were chosen when not asked for (``NetworkChoice/note``).
    public var networkNote: String?

    /// Creates a plan from its parts.
    public init(creation: CreationPlan, carried: ChangePlan, srUUID: String?, interfaces: [NetworkChoice.Interface], networkNote: String?) {
        self.creation = creation
        self.carried = carried
        self.srUUID = srUUID
        self.interfaces = interfaces
        self.networkNote = networkNote
    }

    /// The plan as JSON: the creation's fields and steps, the SR and the network note.
    public func encode(to encoder: any Encoder) throws {
        try creation.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(srUUID, forKey: .srUUID)
        try container.encodeIfPresent(networkNote, forKey: .networkNote)
    }

    private enum CodingKeys: String, CodingKey {
        case srUUID = "sr_uuid"
        case networkNote = "network_note"
    }
}
