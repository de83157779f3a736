/// Why bytes could not be read as XML-RPC or JSON-RPC, with the byte offset where the problem was found.
///
/// Every decoder in this module reports bad input through this type; none of them traps.
public enum XMLRPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ended while `expected` was still to come.
    case truncated(expected: String, offset: Int)
    /// An element other than the one the grammar allows here (`found` is its name, or a description
    /// such as "text" or "end of element").
    case unexpectedElement(expected: String, found: String, offset: Int)
    /// Bytes that are not well-formed for the reason given (bad entity, mixed content, bad number, …).
    case malformed(reason: String, offset: Int)
    /// Values nested deeper than `limit` arrays/structs (a guard against hostile input).
    case tooDeep(limit: Int, offset: Int)
    /// The server answered with an XML-RPC `<fault>` (xapi itself never does; other servers may).
    case fault(code: Int, message: String)
    /// A JSON-RPC request that is well-formed JSON but not a valid call (e.g. missing `id`).
    case invalidRequest(reason: String)

    /// A one-line explanation naming what was wrong and where.
    public var description: String {
        switch self {
        case .truncated(let expected, let offset):
            "input ends at byte \(offset) while \(expected) was expected"
        case .unexpectedElement(let expected, let found, let offset):
            "expected \(expected) but found \(found) at byte \(offset)"
        case .malformed(let reason, let offset):
            "malformed input at byte \(offset): \(reason)"
        case .tooDeep(let limit, let offset):
            "values nested deeper than \(limit) levels at byte \(offset)"
        case .fault(let code, let message):
            "XML-RPC fault \(code): \(message)"
        case .invalidRequest(let reason):
            "invalid JSON-RPC request: \(reason)"
        }
    }

    /// The same error with its byte offset moved `distance` bytes on (for a decoder that reads a
    /// buffer whose first byte is not the input's first byte).
    func shifted(by distance: Int) -> XMLRPCError {
        switch self {
        case .truncated(let expected, let offset): .truncated(expected: expected, offset: offset + distance)
        case .unexpectedElement(let expected, let found, let offset):
            .unexpectedElement(expected: expected, found: found, offset: offset + distance)
        case .malformed(let reason, let offset): .malformed(reason: reason, offset: offset + distance)
        case .tooDeep(let limit, let offset): .tooDeep(limit: limit, offset: offset + distance)
        case .fault, .invalidRequest: self
        }
    }
}
