import XMLRPC

/// The simulator's object store, shaped like xapi's database: tables of rows keyed by reference, each
/// row a record struct whose fields keep their API types, plus the generation counter that event.from
/// tokens are built from.
///
/// Every write bumps ``generation`` and stamps the row, so `get_record`, `get_all_records`,
/// `get_all_records_where`, field getters and event snapshots all read the same data.
struct PoolDatabase {
    /// One stored object.
    struct Row {
        var fields: XMLRPCStruct
        var created: Int64
        var modified: Int64

        mutating func modify(at generation: Int64, _ change: (inout XMLRPCStruct) -> Void) {
            modified = generation
            change(&fields)
        }
    }

    /// An object deleted at `deleted`, remembered so event.from can report `del`.
    struct Tombstone {
        let className: String
        let ref: String
        let created: Int64
        let deleted: Int64
    }

    private struct Table {
        var order: [String] = []
        var rows: [String: Row] = [:]
        var refsByUUID: [String: String] = [:]

        mutating func insert(_ row: Row, ref: String) {
            if rows.updateValue(row, forKey: ref) == nil { order.append(ref) }
            if let uuid = row.fields["uuid"]?.stringValue { refsByUUID[uuid] = ref }
        }
    }

    /// The classes the simulator stores, spelled as on the wire (method prefixes and HANDLE_INVALID).
    static let classNames = ["VM", "host", "pool", "SR", "VDI", "VBD", "VIF", "network", "console", "task"]

    private var tables: [String: Table]
    private(set) var generation: Int64 = 0
    private(set) var tombstones: [Tombstone] = []

    init() {
        tables = Dictionary(uniqueKeysWithValues: Self.classNames.map { ($0, Table()) })
    }

    /// The wire spelling of a class named case-insensitively (`vm` → `VM`), or nil if unknown.
    static func className(matching name: String) -> String? {
        let lowered = name.lowercased()
        return classNames.first { $0.lowercased() == lowered }
    }

    /// Adds a row; its `uuid` field (if any) becomes findable with ``ref(forUUID:in:)``.
    mutating func create(_ className: String, ref: String, fields: XMLRPCStruct) {
        generation += 1
        tables[className, default: Table()].insert(Row(fields: fields, created: generation, modified: generation), ref: ref)
    }

    /// Removes a row and records a tombstone for event.from.
    mutating func destroy(_ className: String, ref: String) {
        guard let row = tables[className]?.rows.removeValue(forKey: ref) else { return }
        generation += 1
        tables[className]?.order.removeAll { $0 == ref }
        if let uuid = row.fields["uuid"]?.stringValue { tables[className]?.refsByUUID[uuid] = nil }
        tombstones.append(Tombstone(className: className, ref: ref, created: row.created, deleted: generation))
    }

    /// Changes a row's fields in place (every write counts as a modification, as in xapi); a no-op
    /// for a missing row.
    mutating func update(_ className: String, ref: String, _ change: (inout XMLRPCStruct) -> Void) {
        guard tables[className]?.rows[ref] != nil else { return }
        generation += 1
        tables[className]?.rows[ref]?.modify(at: generation, change)
    }

    /// Sets one field of a row.
    mutating func set(_ className: String, ref: String, field: String, to value: XMLRPCValue) {
        update(className, ref: ref) { $0[field] = value }
    }

    /// The record of a row, or nil.
    func record(_ className: String, ref: String) -> XMLRPCStruct? {
        tables[className]?.rows[ref]?.fields
    }

    /// A row with its generations, or nil.
    func row(_ className: String, ref: String) -> Row? {
        tables[className]?.rows[ref]
    }

    /// One field of a row, or nil.
    func field(_ className: String, ref: String, _ name: String) -> XMLRPCValue? {
        tables[className]?.rows[ref]?.fields[name]
    }

    /// Whether the row exists.
    func contains(_ className: String, ref: String) -> Bool {
        tables[className]?.rows[ref] != nil
    }

    /// The refs of a table in creation order.
    func refs(_ className: String) -> [String] {
        tables[className]?.order ?? []
    }

    /// The number of rows in a table.
    func count(_ className: String) -> Int {
        tables[className]?.rows.count ?? 0
    }

    /// The row whose `uuid` is `uuid`, or nil.
    func ref(forUUID uuid: String, in className: String) -> String? {
        tables[className]?.refsByUUID[uuid]
    }

    /// Every (ref, row) of a table in creation order.
    func rows(_ className: String) -> [(ref: String, row: Row)] {
        guard let table = tables[className] else { return [] }
        return table.order.compactMap { ref in table.rows[ref].map { (ref, $0) } }
    }
}
