/// One XML-RPC value, as it travels between a XenAPI client and a server.
///
/// xapi writes strings and 64-bit integers alike as untyped `<value>text</value>`, so a decoded reply
/// carries them as ``string(_:)``; typed accessors such as ``int64Value`` interpret the text the way
/// the field's declared type demands. Values built for sending keep their real type (``int(_:)``),
/// which the encoder writes in xapi's style.
public enum XMLRPCValue: Sendable, Hashable {
    /// A string: untyped `<value>` or `<string>`.
    case string(String)
    /// A 64-bit integer. xapi writes it untyped; `<i4>`, `<int>` and `<i8>` decode to it too.
    case int(Int64)
    /// A 32-bit integer sent with an explicit `<i4>` tag (xapi uses it only for `valid_ref_counts`).
    case i4(Int32)
    /// `<boolean>1</boolean>` or `<boolean>0</boolean>`.
    case bool(Bool)
    /// `<double>`.
    case double(Double)
    /// `<dateTime.iso8601>`, kept as the text xapi sent (e.g. `20230729T13:20:01Z`).
    case dateTime(String)
    /// `<array><data>…</data></array>`.
    case array([XMLRPCValue])
    /// `<struct>`; member order is kept as it was on the wire.
    case structure(XMLRPCStruct)
}

/// The members of an XML-RPC `<struct>`, in wire order, with fast lookup by name.
public struct XMLRPCStruct: Sendable, Hashable {
    /// The members as (name, value) pairs in wire order.
    public private(set) var members: [(name: String, value: XMLRPCValue)]
    private var index: [String: Int]

    /// Creates an empty struct.
    public init() {
        members = []
        index = [:]
    }

    /// Creates a struct from (name, value) pairs; a later duplicate name replaces the earlier value.
    public init(_ pairs: [(String, XMLRPCValue)]) {
        self.init()
        members.reserveCapacity(pairs.count)
        index.reserveCapacity(pairs.count)
        for (name, value) in pairs { self[name] = value }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// The value of the member `name`, or `nil`; assigning `nil` removes the member.
    public subscript(name: String) -> XMLRPCValue? {
        get { index[name].map { members[$0].value } }
        set {
            if let position = index[name] {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    index = Dictionary(uniqueKeysWithValues: members.enumerated().map { ($1.name, $0) })
                }
            } else if let newValue {
                index[name] = members.count
                members.append((name, newValue))
            }
        }
    }

    /// The member names in wire order.
    public var names: [String] { members.map(\.name) }

    public static func == (lhs: XMLRPCStruct, rhs: XMLRPCStruct) -> Bool {
        lhs.members.count == rhs.members.count
            && zip(lhs.members, rhs.members).allSatisfy { $0.name == $1.name && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(members.count)
        for member in members {
            hasher.combine(member.name)
            hasher.combine(member.value)
        }
    }
}
