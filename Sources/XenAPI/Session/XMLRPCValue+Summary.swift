import XMLRPC

extension XMLRPCValue {
    /// A short description of a value for error messages (type and size, not the whole content).
    var summary: String {
        switch self {
        case .string(let text): text.count > 40 ? "a string \"\(text.prefix(40))…\"" : "a string \"\(text)\""
        case .int(let number): "an int \(number)"
        case .i4(let number): "an i4 \(number)"
        case .bool(let flag): "a boolean \(flag)"
        case .double(let number): "a double \(number)"
        case .dateTime(let text): "a dateTime \(text)"
        case .array(let elements): "an array of \(elements.count)"
        case .structure(let members): "a struct of \(members.count) members"
        }
    }
}
