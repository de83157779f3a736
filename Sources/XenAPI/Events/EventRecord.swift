public import XMLRPC

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
