import XMLRPC

extension XenAPISession {
    /// Calls of the `pool` class.
    public var pool: PoolCalls { PoolCalls(session: self) }
}

/// The `pool.*` calls.
public struct PoolCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `pool.get_all_records` (one pool).
    public func getAllRecords() throws -> [Ref<PoolRecord>: PoolRecord] {
        try session.records("pool.get_all_records", decode: PoolRecord.init(xmlrpc:))
    }

    /// `pool.get_default_SR`.
    public func getDefaultSR(_ pool: Ref<PoolRecord>) throws -> Ref<SRRecord> {
        try session.reference("pool.get_default_SR", [pool.xmlrpc])
    }
}
