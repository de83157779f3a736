public import XMLRPC

/// Reads the typed fields of one record struct, failing with the record class and field name.
///
/// Fields are decoded by their declared type, so xapi's untyped `<value>1073741824</value>` becomes an
/// `Int64` where the field is an int. A missing field decodes to its type's empty value (older xapi
/// releases lack newer fields); a field present with the wrong shape is an error.
public struct RecordFields {
    /// The class being decoded, for error messages (e.g. `VM`).
    public let className: String
    private let members: XMLRPCStruct

    /// Wraps a record value; fails unless it is a struct.
    public init(_ value: XMLRPCValue, className: String) throws {
        guard let members = value.structValue else {
            throw XenAPIDecodingError(className: className, field: "", expected: "struct", found: value)
        }
        self.className = className
        self.members = members
    }

    /// A string field.
    public func string(_ name: String) throws -> String {
        guard let value = members[name] else { return "" }
        guard let text = value.stringValue else { throw mismatch(name, "string", value) }
        return text
    }

    /// An int field (untyped text or an integer tag).
    public func int(_ name: String) throws -> Int64 {
        guard let value = members[name] else { return 0 }
        guard let number = value.int64Value else { throw mismatch(name, "int", value) }
        return number
    }

    /// A bool field.
    public func bool(_ name: String) throws -> Bool {
        guard let value = members[name] else { return false }
        guard let flag = value.boolValue else { throw mismatch(name, "bool", value) }
        return flag
    }

    /// A float field.
    public func double(_ name: String) throws -> Double {
        guard let value = members[name] else { return 0 }
        guard let number = value.doubleValue else { throw mismatch(name, "float", value) }
        return number
    }

    /// A `Map(string → string)` field.
    public func stringMap(_ name: String) throws -> [String: String] {
        guard let value = members[name] else { return [:] }
        guard let map = value.stringMapValue else { throw mismatch(name, "map", value) }
        return map
    }

    /// A `Set(string)` field.
    public func strings(_ name: String) throws -> [String] {
        guard let value = members[name] else { return [] }
        guard let strings = value.stringArrayValue else { throw mismatch(name, "set", value) }
        return strings
    }

    /// A `Ref` field.
    public func ref<Object>(_ name: String, to: Object.Type = Object.self) throws -> Ref<Object> {
        let text = try string(name)
        return text.isEmpty ? .null : Ref(text)
    }

    /// A `Set(Ref)` field.
    public func refs<Object>(_ name: String, to: Object.Type = Object.self) throws -> [Ref<Object>] {
        try strings(name).map(Ref.init)
    }

    /// An enum field, matched case-insensitively as xapi does; unknown spellings fail.
    public func enumeration<E: RawRepresentable>(_ name: String, _ type: E.Type = E.self) throws -> E
    where E.RawValue == String, E: CaseIterable {
        let text = try string(name)
        if let match = E.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
            return match
        }
        throw mismatch(name, String(describing: E.self), .string(text))
    }

    private func mismatch(_ field: String, _ expected: String, _ found: XMLRPCValue) -> XenAPIDecodingError {
        XenAPIDecodingError(className: className, field: field, expected: expected, found: found)
    }
}
