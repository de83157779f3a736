/// Reuses one `String` for byte sequences that repeat across a reply (field names such as
/// `memory_dynamic_max`, enum values such as `changing_dynamic_range`), so a reply with thousands of
/// records allocates each such string once instead of once per record.
///
/// Only lengths 16…32 are interned: shorter strings are stored inline by `String` (no allocation),
/// longer ones are mostly unique (UUIDs, refs). A direct-mapped table keeps lookups cheap; a collision
/// simply replaces the entry.
final class StringInterner {
    private static let tableSize = 4096
    private var hashes = [UInt64](repeating: 0, count: tableSize)
    private var strings = [String](repeating: "", count: tableSize)

    /// Whether byte sequences of this length go through the table.
    @inline(__always)
    static func interns(length: Int) -> Bool { length >= 16 && length <= 32 }

    /// The string for `bytes`, reusing the previous one when the same bytes were seen before.
    func string(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let hash = ByteHash.hash(bytes)
        let slot = Int(truncatingIfNeeded: hash) & (Self.tableSize - 1)
        if hashes[slot] == hash {
            var candidate = strings[slot]
            if candidate.withUTF8({ ByteHash.equal($0, bytes) }) { return candidate }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        hashes[slot] = hash
        strings[slot] = string
        return string
    }
}
