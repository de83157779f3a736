/// A fast, non-cryptographic hash of a short byte sequence (names and values of a reply), used by the
/// decoder's string interner and ``XMLRPCStruct``'s index. Collisions only cost speed: every user
/// compares the full bytes after a hash match.
enum ByteHash {
    /// Mixes the length with the first and last eight bytes (and the middle eight, for longer input),
    /// so names that differ only in their tail (`memory_dynamic_min`/`_max`) hash apart.
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = bytes.count
        guard count >= 8, let base = bytes.baseAddress.map(UnsafeRawPointer.init) else {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
        let first = base.loadUnaligned(as: UInt64.self)
        let last = base.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        let middle = count > 16 ? base.loadUnaligned(fromByteOffset: count / 2 - 4, as: UInt64.self) : 0
        var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
        hash = (hash ^ first) &* 0xBF58_476D_1CE4_E5B9
        hash = (hash ^ last) &* 0x94D0_49BB_1331_11EB
        hash = (hash ^ middle) &* 0xBF58_476D_1CE4_E5B9
        return hash ^ (hash >> 31)
    }

    /// Whether two byte sequences are equal.
    @inline(__always)
    static func equal(_ lhs: UnsafeBufferPointer<UInt8>, _ rhs: UnsafeBufferPointer<UInt8>) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard let left = lhs.baseAddress, let right = rhs.baseAddress else { return true }
        var index = 0
        while index + 8 <= lhs.count {
            if UnsafeRawPointer(left + index).loadUnaligned(as: UInt64.self)
                != UnsafeRawPointer(right + index).loadUnaligned(as: UInt64.self) { return false }
            index += 8
        }
        while index < lhs.count {
            if left[index] != right[index] { return false }
            index += 1
        }
        return true
    }
}
