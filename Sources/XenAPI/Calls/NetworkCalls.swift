import XMLRPC

extension XenAPISession {
    /// Calls of the `network` class.
    public var network: NetworkCalls { NetworkCalls(session: self) }
}

/// The `network.*` calls.
public struct NetworkCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `network.get_all_records`.
    public func getAllRecords() throws -> [Ref<NetworkRecord>: NetworkRecord] {
        try session.records("network.get_all_records", decode: NetworkRecord.init(xmlrpc:))
    }
}
