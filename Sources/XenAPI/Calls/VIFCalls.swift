import XMLRPC

extension XenAPISession {
    /// Calls of the `VIF` class.
    public var vif: VIFCalls { VIFCalls(session: self) }
}

/// The `VIF.*` calls.
public struct VIFCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `VIF.get_all_records`.
    public func getAllRecords() throws -> [Ref<VIFRecord>: VIFRecord] {
        try session.records("VIF.get_all_records", decode: VIFRecord.init(xmlrpc:))
    }

    /// `VIF.get_record`.
    public func getRecord(_ ref: Ref<VIFRecord>) throws -> VIFRecord {
        try VIFRecord(xmlrpc: session.call("VIF.get_record", [.string(ref.rawValue)]))
    }
}
