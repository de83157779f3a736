/// One step of a change set as the journal records it: a parameter change (old → new) or an
/// operation without a value (`VM.provision`, `VM.hard_shutdown`, `VM.start`, `VM.destroy`, or
/// `VIF.create` with its device and network).
public struct JournalStep: Sendable, Hashable, Codable {
    /// The object's UUID.
    public var objectUUID: String
    /// The object's name-label when planned (for people).
    public var objectName: String
    /// Whether the object is a template.
    public var isTemplate: Bool
    /// The parameter changed; `nil` for an operation.
    public var parameter: VMParameter?
    /// The value before; `nil` for an absent other-config key.
    public var old: String?
    /// The value after; `nil` when an other-config key is removed.
    public var new: String?
    /// The XenAPI operation, for a step that is not a parameter change.
    public var operation: String?
    /// For `VIF.create`: the device number.
    public var device: String?
    /// For `VIF.create`: the network's UUID.
    public var network: String?
    /// For `VIF.create`: the network's name-label when planned (for people).
    public var networkName: String?

    /// A parameter change of `target`.
    public init(_ change: PlannedChange, of target: PlanTarget) {
        objectUUID = target.uuid
        objectName = target.nameLabel
        isTemplate = target.isTemplate
        parameter = change.parameter
        old = change.old
        new = change.new
        operation = nil
    }

    /// An operation on `target`.
    public init(operation: String, of target: PlanTarget) {
        objectUUID = target.uuid
        objectName = target.nameLabel
        isTemplate = target.isTemplate
        parameter = nil
        old = nil
        new = nil
        self.operation = operation
    }

    /// `VIF.create` of `interface` on `target`.
    public init(creating interface: NetworkChoice.Interface, of target: PlanTarget) {
        self.init(operation: VIFCreation.method, of: target)
        device = interface.device
        network = interface.networkUUID
        networkName = interface.networkName
    }

    /// `fai02 PV-bootloader "pygrub" -> "eliloader"` or `fai02 VM.hard_shutdown`.
    public var summary: String {
        if let device, let networkName { return "\(objectName) \(operation ?? "?") device \(device) on \(networkName)" }
        guard let parameter else { return "\(objectName) \(operation ?? "?")" }
        return "\(objectName) \(parameter.xeName): \(JournalStep.show(old)) -> \(JournalStep.show(new))"
    }

    /// A value for a message: quoted, or "absent".
    public static func show(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "absent"
    }

    private enum CodingKeys: String, CodingKey {
        case parameter, old, new, operation, device, network
        case networkName = "network_name"
        case objectUUID = "object_uuid"
        case objectName = "object_name"
        case isTemplate = "is_template"
    }

    /// Encodes old/new as `null` when absent for a parameter change, so such lines have one shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(objectUUID, forKey: .objectUUID)
        try container.encode(objectName, forKey: .objectName)
        try container.encode(isTemplate, forKey: .isTemplate)
        if let parameter {
            try container.encode(parameter, forKey: .parameter)
            try container.encode(old, forKey: .old)
            try container.encode(new, forKey: .new)
        }
        try container.encodeIfPresent(operation, forKey: .operation)
        try container.encodeIfPresent(device, forKey: .device)
        try container.encodeIfPresent(network, forKey: .network)
        try container.encodeIfPresent(networkName, forKey: .networkName)
    }
}
