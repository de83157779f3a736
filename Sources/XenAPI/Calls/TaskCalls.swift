import XMLRPC

extension XenAPISession {
    /// Calls of the `task` class.
    public var task: TaskCalls { TaskCalls(session: self) }
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
