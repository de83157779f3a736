#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Literal matching over the bytes of a document, shared by ``XMLRPCScanner`` and ``MemberBoundary``.
extension UnsafeBufferPointer<UInt8> {
    /// Whether the bytes at `index` are `literal` (false when they run out first).
    @inline(__always)
    func hasLiteral(_ literal: StaticString, at index: Int) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard index >= 0, index + length <= count else { return false }
        let expected = literal.utf8Start
        for offset in 0..<length where self[index + offset] != expected[offset] { return false }
        return true
    }

    /// The index of the first `literal` at or after `index`, if the bytes hold one.
    func firstIndex(ofLiteral literal: StaticString, from index: Int) -> Int? {
        let length = literal.utf8CodeUnitCount
        guard let base = baseAddress else { return nil }
        var index = index
        while index + length <= count {
            guard let found = memchr(base + index, Int32(literal.utf8Start[0]), count - index - length + 1) else { return nil }
            let candidate = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if hasLiteral(literal, at: candidate) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}
