public import XMLRPC

/// The pool (there is exactly one per master).
public struct PoolRecord: Sendable, Hashable {
    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// The pool master host (`master`).
    public var master: Ref<HostRecord>
    /// The SR new disks go to when none is named (`default_SR`).
    public var defaultSR: Ref<SRRecord>
    /// Free key/value settings (`other_config`).
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
