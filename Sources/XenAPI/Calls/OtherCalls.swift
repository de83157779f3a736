import XMLRPC

extension XenAPISession {
    /// Calls of the `console` class.
    public var console: ConsoleCalls { ConsoleCalls(session: self) }
    /// Calls of the `host` class.
    public var host: HostCalls { HostCalls(session: self) }
    /// Calls of the `pool` class.
    public var pool: PoolCalls { PoolCalls(session: self) }
    /// Calls of the `SR` class.
    public var sr: SRCalls { SRCalls(session: self) }
    /// Calls of the `task` class.
    public var task: TaskCalls { TaskCalls(session: self) }
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

/// The `task.*` calls.
public struct TaskCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `task.get_record`.
    public func getRecord(_ task: Ref<TaskRecord>) throws -> TaskRecord {
        try session.record("task.get_record", [task.xmlrpc], decode: TaskRecord.init(xmlrpc:))
    }

    /// `task.destroy`.
    public func destroy(_ task: Ref<TaskRecord>) throws {
        try session.perform("task.destroy", [task.xmlrpc])
    }
}
