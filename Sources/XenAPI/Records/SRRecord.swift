public import XMLRPC

/// A storage repository.
public struct SRRecord: Sendable, Hashable {
    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// The SR type, e.g. `lvm`, `nfs`, `iso`.
    public var type: String
    /// `user` for VM disks, `iso` for ISO libraries (`content_type`).
    public var contentType: String
    /// Capacity in bytes (`physical_size`).
    public var physicalSize: Int64
    /// Bytes in use (`physical_utilisation`).
    public var physicalUtilisation: Int64

    /// Decodes an SR record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "SR")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        type = try fields.string("type")
        contentType = try fields.string("content_type")
        physicalSize = try fields.int("physical_size")
        physicalUtilisation = try fields.int("physical_utilisation")
    }
}
