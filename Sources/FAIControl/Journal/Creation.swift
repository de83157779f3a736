/// The object a change set creates (`install`, `template-copy`) and how to find it again.
///
/// The clone is made under ``marker`` (a name no other object has, holding the change set's id) and
/// renamed to ``name`` as the set's last step, so a `VM.clone` whose reply was lost is found by its
/// marker and never made twice.
public struct Creation: Sendable, Hashable, Codable {
    /// `VM.clone` or `VM.copy`.
    public var method: String
    /// The UUID of the template cloned.
    public var templateUUID: String
    /// The template's name-label.
    public var templateName: String
    /// The name the new object gets.
    public var name: String
    /// The name-label it is created under until renamed.
    public var marker: String
    /// For an install, the repository replacing the template's (`--repo`).
    public var repository: String?
    /// For an install, the monitor arguments added to PV-args (`--monitor`).
    public var monitor: MonitorKernelArguments?
    /// For an install, the UUIDs of the networks it gives a VIF on, in device order (`nil` in sets
    /// written before installs made VIFs).
    public var networks: [String]?

    /// Creates the description.
    public init(
        method: String, templateUUID: String, templateName: String, name: String, marker: String, repository: String? = nil,
        monitor: MonitorKernelArguments? = nil, networks: [String]? = nil
    ) {
        self.networks = networks
        self.repository = repository
        self.monitor = monitor
        self.method = method
        self.templateUUID = templateUUID
        self.templateName = templateName
        self.name = name
        self.marker = marker
    }

    /// The marker name for the change set `id`.
    public static func marker(for id: String) -> String { "xsfai-pending-\(id)" }

    private enum CodingKeys: String, CodingKey {
        case method, name, marker, repository, monitor, networks
        case templateUUID = "template_uuid"
        case templateName = "template_name"
    }
}
