public import XMLRPC

/// A task's status (`task_status_type`).
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    /// Still running.
    case pending
    /// Finished; `result` holds the value.
    case success
    /// Failed; `errorInfo` holds the error.
    case failure
    /// A cancel was requested.
    case cancelling
    /// Cancelled.
    case cancelled
}

/// An asynchronous operation's progress and outcome.
public struct TaskRecord: Sendable, Hashable {
    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// pending, success, failure, cancelling or cancelled (`status`).
    public var status: TaskStatus
    /// Completion from 0.0 to 1.0 (`progress`).
    public var progress: Double
    /// The XML-RPC encoding of the result value, e.g. `<value>OpaqueRef:…</value>`.
    public var result: String
    /// `[code, params…]` on failure.
    public var errorInfo: [String]

    /// Decodes a task record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "task")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        status = try fields.enumeration("status")
        progress = try fields.double("progress")
        result = try fields.string("result")
        errorInfo = try fields.strings("error_info")
    }
}
