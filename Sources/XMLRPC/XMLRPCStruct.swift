/// The members of an XML-RPC `<struct>`, in wire order, with fast lookup by name.
///
/// Each member carries a cheap hash of its name (``ByteHash``), so lookups and duplicate checks
/// compare integers before strings. Small structs (xapi's string maps) are searched linearly; larger
/// ones (records) also carry a compact open-addressing index, much cheaper to build than a
/// `Dictionary` when a reply holds thousands of records.
public struct XMLRPCStruct: Sendable, Hashable {
    /// One member: its name and value.
    public struct Member: Sendable, Hashable {
        /// The member name.
        public let name: String
        /// The member value.
        public var value: XMLRPCValue
        /// ``ByteHash`` of the name's UTF-8 bytes.
        let nameHash: UInt64

        /// Creates a member.
        public init(name: String, value: XMLRPCValue) {
            self.name = name
            self.value = value
            nameHash = XMLRPCStruct.hash(name)
        }
    }

    /// The members in wire order.
    public private(set) var members: [Member]
    /// Slots holding member position + 1 (0 = empty); empty while `members.count <= linearSearchLimit`.
    private var slots: [Int32]

    /// Structs up to this size are searched without an index.
    private static let linearSearchLimit = 12

    /// Creates an empty struct.
    public init() {
        members = []
        slots = []
    }

    /// Creates a struct from (name, value) pairs; a later duplicate name replaces the earlier value.
    public init(_ pairs: [(String, XMLRPCValue)]) {
        self.init()
        members.reserveCapacity(pairs.count)
        for (name, value) in pairs { self[name] = value }
    }

    /// Creates a struct from decoded members in wire order; a later duplicate name replaces the
    /// earlier value, as with ``init(_:)``.
    init(decodedMembers: [Member]) {
        members = decodedMembers
        slots = []
        if members.count > Self.linearSearchLimit {
            if !rebuildIndex() { removeDuplicates() }
        } else if hasDuplicateNames() {
            removeDuplicates()
        }
    }

    /// The number of members.
    public var count: Int { members.count }

    /// The value of the member `name`, or `nil`; assigning `nil` removes the member.
    public subscript(name: String) -> XMLRPCValue? {
        get { position(of: name, hash: Self.hash(name)).map { members[$0].value } }
        set {
            let hash = Self.hash(name)
            if let position = position(of: name, hash: hash) {
                if let newValue {
                    members[position].value = newValue
                } else {
                    members.remove(at: position)
                    slots = []
                    if members.count > Self.linearSearchLimit { _ = rebuildIndex() }
                }
            } else if let newValue {
                members.append(Member(name: name, value: newValue))
                if members.count > Self.linearSearchLimit {
                    if slots.count < 2 * members.count { _ = rebuildIndex() } else { insertIntoIndex(members.count - 1) }
                }
            }
        }
    }

    /// The member names in wire order.
    public var names: [String] { members.map(\.name) }

    /// Structs are equal when they hold the same members in the same order.
    public static func == (lhs: XMLRPCStruct, rhs: XMLRPCStruct) -> Bool {
        lhs.members == rhs.members
    }

    /// Hashes the members in order.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(members)
    }

    // MARK: Index

    private func position(of name: String, hash: UInt64) -> Int? {
        if slots.isEmpty {
            for position in members.indices where members[position].nameHash == hash && members[position].name == name {
                return position
            }
            return nil
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = Int(slots[slot])
            if entry == 0 { return nil }
            if members[entry - 1].nameHash == hash, members[entry - 1].name == name { return entry - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Rebuilds the index for all members; returns false (leaving the index unusable) on a duplicate name.
    private mutating func rebuildIndex() -> Bool {
        var size = 16
        while size < 2 * members.count { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        for position in members.indices where !insertIntoIndex(position) {
            slots = []
            return false
        }
        return true
    }

    /// Adds member `position` to the index; returns false if its name is already indexed.
    @discardableResult
    private mutating func insertIntoIndex(_ position: Int) -> Bool {
        let mask = slots.count - 1
        let hash = members[position].nameHash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let other = Int(slots[slot]) - 1
            if members[other].nameHash == hash, members[other].name == members[position].name { return false }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(truncatingIfNeeded: position + 1)
        return true
    }

    private func hasDuplicateNames() -> Bool {
        guard members.count > 1 else { return false }
        for later in 1..<members.count {
            for earlier in 0..<later where members[earlier].nameHash == members[later].nameHash
                && members[earlier].name == members[later].name {
                return true
            }
        }
        return false
    }

    /// Keeps the first position of each name with the last value given for it (rare: bad input).
    private mutating func removeDuplicates() {
        let pairs = members
        members = []
        slots = []
        for member in pairs { self[member.name] = member.value }
    }

    /// ``ByteHash`` of the UTF-8 bytes of `name`.
    static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { ByteHash.hash($0) }
    }
}
