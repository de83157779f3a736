public import XMLRPC

/// The pool (there is exactly one per master).
public struct PoolRecord: Sendable, Hashable {
    public var uuid: String
    public var nameLabel: String
    public var master: Ref<HostRecord>
    public var defaultSR: Ref<SRRecord>
    public var otherConfig: [String: String]

    /// Decodes a pool record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "pool")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        master = try fields.ref("master")
        defaultSR = try fields.ref("default_SR")
        otherConfig = try fields.stringMap("other_config")
    }
}
