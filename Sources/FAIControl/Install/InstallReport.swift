/// What `xsfai install` did.
public struct InstallReport: Sendable, Hashable, Codable {
    /// The new VM's reference.
    public var ref: String
    /// The new VM's UUID.
    public var uuid: String
    /// The new VM's name-label.
    public var name: String
    /// The template's name-label.
    public var template: String
    /// `VM.clone` or `VM.copy`.
    public var method: String
    /// The SR the disks were provisioned on, when the template has disks.
    public var srUUID: String?
    /// The changes made after provisioning so the VM carries the template's PV-args and install keys
    /// (and `--repo`); empty when provisioning kept them all.
    public var carried: ChangePlan
    /// Every API call made, in order.
    public var calls: [APICall]
    /// The change set's number in the pool's journal.
    public var changeSet: Int
    /// The VIFs the install created, in device order.
    public var interfaces: [Interface] = []
    /// How the networks were chosen when not asked for (``NetworkChoice/note``).
    public var networkNote: String?

    /// One VIF the install created.
    public struct Interface: Sendable, Hashable, Codable {
        /// The device number.
        public var device: String
        /// The network's name-label.
        public var network: String
        /// The network's UUID.
        public var networkUUID: String
        /// The MAC xapi generated, as read back.
        public var mac: String
        /// The equivalent `xe vif-create`.
        public var xeCommand: String

        /// Creates a description.
        public init(device: String, network: String, networkUUID: String, mac: String, xeCommand: String) {
            self.device = device
            self.network = network
            self.networkUUID = networkUUID
            self.mac = mac
            self.xeCommand = xeCommand
        }
    }

    /// Creates a report.
    public init(
        ref: String, uuid: String, name: String, template: String, method: String, srUUID: String?,
        carried: ChangePlan, calls: [APICall], changeSet: Int
    ) {
        self.ref = ref
        self.uuid = uuid
        self.name = name
        self.template = template
        self.method = method
        self.srUUID = srUUID
        self.carried = carried
        self.calls = calls
        self.changeSet = changeSet
    }
}
