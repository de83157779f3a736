/// What `xsfai install` was asked for.
public struct InstallRequest: Sendable, Hashable, Codable {
    /// The new VM's name-label.
    public var name: String
    /// The template's name-label, UUID or UUID prefix.
    public var template: String
    /// A repository URL replacing the template's `install-repository`.
    public var repository: String?
    /// The SR (name-label or UUID) to copy the template's disks to; `nil` clones and provisions on the
    /// pool's default SR.
    public var sr: String?

    /// Monitor arguments to add to the new VM's PV-args (`--monitor`), or `nil`.
    public var monitor: MonitorKernelArguments?

    /// The networks (name-label or UUID) to give the VM a VIF on, device 0, 1, … in order; empty: the
    /// default of ``NetworkChoice``.
    public var networks: [String] = []
    /// Whether the VM gets no VIF of its own (`--no-network`): only what the template's clone copies.
    public var withoutNetwork = false

    /// Whether a name already used by another VM or template is accepted.
    public var allowDuplicateName: Bool

    /// Creates a request.
    public init(
        name: String, template: String, repository: String? = nil, sr: String? = nil, allowDuplicateName: Bool = false,
        monitor: MonitorKernelArguments? = nil, networks: [String] = []
    ) {
        self.networks = networks
        self.monitor = monitor
        self.allowDuplicateName = allowDuplicateName
        self.name = name
        self.template = template
        self.repository = repository
        self.sr = sr
    }
}
