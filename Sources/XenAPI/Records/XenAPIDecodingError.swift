public import XMLRPC

/// A record field whose value had the wrong shape for its declared type.
public struct XenAPIDecodingError: Error, Equatable, CustomStringConvertible {
    /// The record class, e.g. `VM`.
    public let className: String
    /// The field's wire name; empty when the record itself was not a struct.
    public let field: String
    /// The declared type.
    public let expected: String
    /// What arrived instead.
    public let found: XMLRPCValue

    /// A readable form for logs and messages.
    public var description: String {
        let place = field.isEmpty ? "\(className) record" : "\(className).\(field)"
        return "unexpected reply: \(place) should be \(expected), got \(found)"
    }
}
