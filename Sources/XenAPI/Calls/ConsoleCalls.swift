import XMLRPC

extension XenAPISession {
    /// Calls of the `console` class.
    public var console: ConsoleCalls { ConsoleCalls(session: self) }
}

/// The `console.*` calls.
public struct ConsoleCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `console.get_record`.
    public func getRecord(_ console: Ref<ConsoleRecord>) throws -> ConsoleRecord {
        try session.record("console.get_record", [console.xmlrpc], decode: ConsoleRecord.init(xmlrpc:))
    }

    /// `console.get_all_records`.
    public func getAllRecords() throws -> [Ref<ConsoleRecord>: ConsoleRecord] {
        try session.records("console.get_all_records", decode: ConsoleRecord.init(xmlrpc:))
    }
}
