/// A small seeded generator (SplitMix64): the same seed gives the same sequence on every run, so
/// random faults, generated payloads and randomised tests repeat exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Creates a generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// A value in [0, 1).
    public mutating func nextUnit() -> Double { Double(next() >> 11) / Double(1 << 53) }

    /// A lower-case version-4-shaped UUID, as xapi writes them.
    public mutating func uuid() -> String {
        let hex = Array(Self.hex(next()) + Self.hex(next()))
        return String(hex[0..<8]) + "-" + String(hex[8..<12]) + "-4" + String(hex[13..<16])
            + "-a" + String(hex[17..<20]) + "-" + String(hex[20..<32])
    }

    /// `OpaqueRef:<uuid>`.
    public mutating func opaqueRef() -> String { "OpaqueRef:" + uuid() }

    /// 16 hex digits, zero-padded.
    private static func hex(_ bits: UInt64) -> String {
        let digits = String(bits, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
