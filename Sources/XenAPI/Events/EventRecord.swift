public import XMLRPC

/// What happened to an object (`event_operation`).
public enum EventOperation: String, Sendable, Hashable, CaseIterable {
    /// Created since the token (or present, for a token of `""`).
    case add
    /// Modified.
    case mod
    /// Deleted; the event has no snapshot.
    case del
}

/// One change reported by `event.from`.
public struct EventRecord: Sendable, Hashable {
    /// The database generation of the change (digits).
    public var id: String
    /// The lowercase class name, e.g. `vm`, `console`, `host`.
    public var className: String
    /// Add, mod or del.
    public var operation: EventOperation
    /// The object's reference.
    public var ref: String
    /// The object's full record after the change; nil for `del`.
    public var snapshot: XMLRPCValue?

    /// Decodes an event struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "event")
        id = try fields.string("id")
        className = try fields.string("class").lowercased()
        operation = try fields.enumeration("operation")
        ref = try fields.string("ref")
        snapshot = value.structValue?["snapshot"]
    }

    /// Creates an event (for tests and in-memory sources).
    public init(id: String, className: String, operation: EventOperation, ref: String, snapshot: XMLRPCValue?) {
        self.id = id
        self.className = className
        self.operation = operation
        self.ref = ref
        self.snapshot = snapshot
    }
}

/// The reply of one `event.from` call.
public struct EventBatch: Sendable, Hashable {
    /// The changes (at most one per object; order not meaningful).
    public var events: [EventRecord]
    /// The token to pass to the next call.
    public var token: String
    /// Rows per table (lowercase table name → count), for every table.
    public var validRefCounts: [String: Int]

    /// Decodes the `event.from` result struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        guard let members = value.structValue else {
            throw XenAPIDecodingError(className: "event.from result", field: "", expected: "struct", found: value)
        }
        guard let events = members["events"]?.arrayValue else {
            throw XenAPIDecodingError(
                className: "event.from result", field: "events", expected: "array", found: members["events"] ?? "")
        }
        self.events = try events.map(EventRecord.init(xmlrpc:))
        token = try RecordFields(value, className: "event.from result").string("token")
        var counts: [String: Int] = [:]
        for member in members["valid_ref_counts"]?.structValue?.members ?? [] {
            if let count = member.value.int64Value { counts[member.name] = Int(count) }
        }
        validRefCounts = counts
    }
}
