import XMLRPC

extension XenAPISession {
    /// Calls of the `host` class.
    public var host: HostCalls { HostCalls(session: self) }
}

/// The `host.*` calls.
public struct HostCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `host.get_all_records`.
    public func getAllRecords() throws -> [Ref<HostRecord>: HostRecord] {
        try session.records("host.get_all_records", decode: HostRecord.init(xmlrpc:))
    }

    /// `host.get_record`.
    public func getRecord(_ host: Ref<HostRecord>) throws -> HostRecord {
        try session.record("host.get_record", [host.xmlrpc], decode: HostRecord.init(xmlrpc:))
    }
}
