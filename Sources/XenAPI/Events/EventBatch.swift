public import XMLRPC

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
