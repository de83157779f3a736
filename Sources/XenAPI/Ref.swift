/// An opaque XenAPI object reference (`OpaqueRef:<uuid>`), typed by the class it points at.
///
/// References are valid for one session's server only; persist UUIDs, not refs.
public struct Ref<Object>: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The reference exactly as the server sent it.
    public let rawValue: String

    /// Wraps a reference string.
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The null reference, `OpaqueRef:NULL` ("no object").
    public static var null: Ref<Object> { Ref("OpaqueRef:NULL") }

    /// Whether this is the null reference.
    public var isNull: Bool { rawValue == "OpaqueRef:NULL" || rawValue.isEmpty }

    /// A readable form for logs and messages.
    public var description: String { rawValue }

    /// Orders references by their text (for stable listings).
    public static func < (lhs: Ref<Object>, rhs: Ref<Object>) -> Bool { lhs.rawValue < rhs.rawValue }
}
