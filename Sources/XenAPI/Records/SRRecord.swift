public import XMLRPC

/// A storage repository.
public struct SRRecord: Sendable, Hashable {
    public var uuid: String
    public var nameLabel: String
    /// The SR type, e.g. `lvm`, `nfs`, `iso`.
    public var type: String
    public var contentType: String
    public var physicalSize: Int64
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
