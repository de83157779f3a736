import Testing
@testable import XMLRPC

/// Deterministic pseudo-random values for property tests.
private struct ValueGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((mixed ^ (mixed >> 31)) % UInt64(bound))
    }

    /// Text mixing markup characters, entities-to-be, whitespace, non-ASCII and long runs.
    mutating func text() -> String {
        let pieces = ["a", "Z", "0", " ", "\t", "\n", "&", "<", ">", "\"", "'", "é", "😀", "]]>", "&amp;", "OpaqueRef:", "-", "\r"]
        return (0..<next(40)).map { _ in pieces[next(pieces.count)] }.joined()
    }

    mutating func value(depth: Int = 0) -> XMLRPCValue {
        switch next(depth > 3 ? 6 : 8) {
        case 0: return .string(text())
        case 1: return .i4(Int32(truncatingIfNeeded: next(Int(Int32.max)) - next(Int(Int32.max))))
        case 2: return .bool(next(2) == 1)
        // %.16g (xapi's format) keeps 16 significant digits: use values that need no more.
        case 3: return .double(Double(next(2_000_000) - 1_000_000) / 64)
        case 4: return .dateTime("2023072\(next(10))T13:20:0\(next(10))Z")
        case 5: return .string(String(repeating: "x", count: next(100)))
        case 6: return .array((0..<next(6)).map { _ in value(depth: depth + 1) })
        default:
            var members = XMLRPCStruct()
            for _ in 0..<next(20) { members["k\(next(1000))\(text())"] = value(depth: depth + 1) }
            return .structure(members)
        }
    }
}

@Suite("Round trips of generated values")
struct XMLRPCRoundTripPropertyTests {
    @Test("methodResponse(encode(v)) == v for 500 generated values")
    func xmlRoundTrip() throws {
        var generator = ValueGenerator(seed: 42)
        for index in 0..<500 {
            let value = generator.value()
            let decoded = try XMLRPCDecoder.methodResponse(XMLRPCEncoder.methodResponse(value))
            #expect(decoded == value, "value \(index)")
        }
    }

    @Test("JSON decode(encode(v)) keeps every value, i4 → int and dateTime → string as documented")
    func jsonRoundTrip() throws {
        var generator = ValueGenerator(seed: 7)
        for index in 0..<300 {
            let value = generator.value()
            let decoded = try JSONRPCCodec.decodeValue(JSONRPCCodec.encodeValue(value))
            #expect(decoded == Self.jsonImage(of: value), "value \(index)")
        }
    }

    private static func jsonImage(of value: XMLRPCValue) -> XMLRPCValue {
        switch value {
        case .i4(let number): .int(Int64(number))
        case .dateTime(let text): .string(text)
        case .array(let elements): .array(elements.map(jsonImage))
        case .structure(let members):
            .structure(XMLRPCStruct(members.members.map { ($0.name, jsonImage(of: $0.value)) }))
        default: value
        }
    }
}
