public import XMLRPC

/// A host of the pool.
public struct HostRecord: Sendable, Hashable {
    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// The management address, used in console locations and HOST_IS_SLAVE.
    public var address: String
    /// Whether the host accepts new VMs (`enabled`).
    public var enabled: Bool
    /// Product facts such as `product_brand`, `product_version`, `platform_version`.
    public var softwareVersion: [String: String]
    /// The VMs running on this host, its control domain included (`resident_VMs`).
    public var residentVMs: [Ref<VMRecord>]

    /// Decodes a host record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "host")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        address = try fields.string("address")
        enabled = try fields.bool("enabled")
        softwareVersion = try fields.stringMap("software_version")
        residentVMs = try fields.refs("resident_VMs")
    }
}
