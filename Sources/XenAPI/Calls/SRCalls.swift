import XMLRPC

extension XenAPISession {
    /// Calls of the `SR` class.
    public var sr: SRCalls { SRCalls(session: self) }
}

/// The `SR.*` calls.
public struct SRCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `SR.get_all_records`.
    public func getAllRecords() throws -> [Ref<SRRecord>: SRRecord] {
        try session.records("SR.get_all_records", decode: SRRecord.init(xmlrpc:))
    }

    /// `SR.get_by_name_label`.
    public func getByNameLabel(_ label: String) throws -> [Ref<SRRecord>] {
        try session.references("SR.get_by_name_label", [.string(label)])
    }

    /// `SR.get_by_uuid`.
    public func getByUUID(_ uuid: String) throws -> Ref<SRRecord> {
        try session.reference("SR.get_by_uuid", [.string(uuid)])
    }
}
