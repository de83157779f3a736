/// A parsed JSON value, before it is mapped to an ``XMLRPCValue`` (keeps `null` and integer-ness apart).
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let left), .bool(let right)): left == right
        case (.integer(let left), .integer(let right)): left == right
        case (.number(let left), .number(let right)): left == right
        case (.string(let left), .string(let right)): left == right
        case (.array(let left), .array(let right)): left == right
        case (.object(let left), .object(let right)):
            left.count == right.count && zip(left, right).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// An object's members by name; a later duplicate wins.
    static func fields(of members: [(String, JSONValue)]) -> [String: JSONValue] {
        Dictionary(members, uniquingKeysWith: { _, last in last })
    }

    /// The mapping documented on ``JSONRPCCodec`` (`null` → empty string, xapi's void).
    var xmlrpcValue: XMLRPCValue {
        switch self {
        case .null: .string("")
        case .bool(let flag): .bool(flag)
        case .integer(let number): .int(number)
        case .number(let number): .double(number)
        case .string(let text): .string(text)
        case .array(let elements): .array(elements.map(\.xmlrpcValue))
        case .object(let members): .structure(XMLRPCStruct(decodedMembers: members.map { XMLRPCStruct.Member(name: $0.0, value: $0.1.xmlrpcValue) }))
        }
    }

    /// An element of an error description as text (strings as-is, other values as JSON).
    var errorText: String {
        if case .string(let text) = self { return text }
        return String(decoding: JSONRPCCodec.encodeValue(xmlrpcValue), as: UTF8.self)
    }

    /// A short description for error messages.
    var summary: String {
        switch self {
        case .null: "null"
        case .bool(let flag): "\(flag)"
        case .integer(let number): "the number \(number)"
        case .number(let number): "the number \(number)"
        case .string(let text): "the string \"\(text.prefix(40))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}
