public import XMLRPC

/// A network VIFs attach to (`Pool-wide network associated with eth0`, a private network, or one of
/// xapi's own).
public struct NetworkRecord: Sendable, Hashable {
    /// The object's UUID.
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// The bridge on every host, e.g. `xenbr0`.
    public var bridge: String
    /// The MTU new VIFs on it get (`xe vif-create` copies it).
    public var mtu: Int64
    /// `other_config`; xapi marks its own networks here.
    public var otherConfig: [String: String]
    /// The VIFs attached to it.
    public var vifs: [Ref<VIFRecord>]

    /// Decodes a network record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "network")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        bridge = try fields.string("bridge")
        mtu = try fields.int("MTU")
        otherConfig = try fields.stringMap("other_config")
        vifs = try fields.refs("VIFs")
    }

    /// Whether this is a network of xapi's own that guests are not put on: the host-internal
    /// management network (`is_host_internal_management_network`, bridge `xenapi`) or the guest
    /// installer network (`is_guest_installer_network`), both hidden by XenCenter.
    public var isInternal: Bool {
        otherConfig["is_host_internal_management_network"] == "true" || otherConfig["is_guest_installer_network"] == "true"
    }
}
