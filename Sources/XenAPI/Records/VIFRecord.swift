public import XMLRPC

/// A virtual network interface: its VM and MAC address.
public struct VIFRecord: Sendable, Hashable {
    /// The object's UUID.
    public var uuid: String
    /// The VM it belongs to.
    public var vm: Ref<VMRecord>
    /// The device number (`0` is the first NIC).
    public var device: String
    /// The MAC address, `aa:bb:cc:dd:ee:ff`.
    public var mac: String

    /// Decodes a VIF record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "VIF")
        uuid = try fields.string("uuid")
        vm = Ref(try fields.string("VM"))
        device = try fields.string("device")
        mac = try fields.string("MAC")
    }
}
