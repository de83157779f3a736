public import XMLRPC

/// A task's status (`task_status_type`).
public enum TaskStatus: String, Sendable, Hashable, CaseIterable {
    case pending
    case success
    case failure
    case cancelling
    case cancelled
}

/// An asynchronous operation's progress and outcome.
public struct TaskRecord: Sendable, Hashable {
    public var uuid: String
    public var nameLabel: String
    public var status: TaskStatus
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
