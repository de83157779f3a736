import Testing
@testable import XMLRPC

@Suite("XML-RPC decoding of malformed, truncated and hostile input")
struct XMLRPCMalformedInputTests {
    private static let head = #"<?xml version="1.0"?><methodResponse><params><param>"#
    private static let tail = "</param></params></methodResponse>"

    private static func reply(_ value: String) -> [UInt8] { Array((head + value + tail).utf8) }

    @Test("each malformed reply gives the right typed error", arguments: [
        ("empty input", [], XMLRPCError.truncated(expected: "<methodResponse>", offset: 0)),
        ("not XML", Array("HTTP/1.1 500".utf8), .unexpectedElement(expected: "<methodResponse>", found: "text", offset: 0)),
        ("wrong root", Array("<methodCall></methodCall>".utf8),
         .unexpectedElement(expected: "<methodResponse>", found: "<methodCall>", offset: 0)),
        ("unknown type", reply("<value><base64>AA==</base64></value>"), .unexpectedElement(
            expected: "<string>, <int>, <i4>, <i8>, <boolean>, <double>, <dateTime.iso8601>, <array>, <struct> or <nil/>",
            found: "<base64>", offset: 59)),
        ("bad boolean", reply("<value><boolean>true</boolean></value>"),
         .malformed(reason: "<boolean> must hold 1 or 0, not \"true\"", offset: 68)),
        ("bad int", reply("<value><int>12a</int></value>"), .malformed(reason: "<int> holds \"12a\", not a 64-bit integer", offset: 64)),
        ("i4 overflow", reply("<value><i4>2147483648</i4></value>"),
         .malformed(reason: "<i4> value 2147483648 does not fit in 32 bits", offset: 63)),
        ("int64 overflow", reply("<value><i8>9223372036854775808</i8></value>"),
         .malformed(reason: "<i8> holds \"9223372036854775808\", not a 64-bit integer", offset: 63)),
        ("bad double", reply("<value><double>x</double></value>"), .malformed(reason: "<double> holds \"x\", not a number", offset: 67)),
        ("unknown entity", reply("<value>a&nbsp;b</value>"), .malformed(reason: "unknown entity &nbsp;", offset: 60)),
        ("bare ampersand", reply("<value>a & b</value>"),
         .malformed(reason: "'&' not followed by an entity or character reference ending in ';'", offset: 61)),
        ("NUL character reference", reply("<value>&#0;</value>"), .malformed(reason: "invalid character reference &#0;", offset: 59)),
        ("surrogate character reference", reply("<value>&#xD800;</value>"),
         .malformed(reason: "invalid character reference &#xD800;", offset: 59)),
        ("huge character reference", reply("<value>&#99999999;</value>"),
         .malformed(reason: "invalid character reference &#99999999;", offset: 59)),
        ("uppercase X in hex reference", reply("<value>&#X41;</value>"), .malformed(reason: "invalid character reference &#X41;", offset: 59)),
        ("mismatched close", reply("<value><string>a</int></value>"),
         .unexpectedElement(expected: "</string>", found: "</int>", offset: 68)),
        ("text mixed with an element", reply("<value>abc<string>a</string></value>"),
         .malformed(reason: "text mixed with an element inside <value>", offset: 62)),
        ("member without name", reply("<value><struct><member><value>a</value></member></struct></value>"),
         .unexpectedElement(expected: "<name>", found: "<value>", offset: 75)),
        ("array without data", reply("<value><array><value>a</value></array></value>"),
         .unexpectedElement(expected: "<data>", found: "<value>", offset: 66)),
        ("attribute", reply(#"<value><string lang="en">a</string></value>"#),
         .malformed(reason: "attributes or stray characters in tag <string>", offset: 67)),
        ("two params", reply("<value>a</value></param><param><value>b</value>"),
         .unexpectedElement(expected: "</params>", found: "<param>", offset: 76)),
        ("trailing garbage", Array((head + "<value>a</value>" + tail + "x").utf8),
         .malformed(reason: "content after the end of the document", offset: 102)),
        ("unterminated comment", Array("<!-- x".utf8), .truncated(expected: "--> ending the comment at byte 0", offset: 6)),
        ("unterminated prolog", Array("<?xml version".utf8), .truncated(expected: "?> ending the processing instruction at byte 0", offset: 13)),
        ("empty fault", Array("<methodResponse><fault/></methodResponse>".utf8), .malformed(reason: "empty <fault/>", offset: 24)),
        ("fault without struct", Array("<methodResponse><fault><value>x</value></fault></methodResponse>".utf8),
         .malformed(reason: "<fault> does not hold a struct", offset: 23)),
    ] as [(String, [UInt8], XMLRPCError)])
    func malformed(label: String, bytes: [UInt8], expected: XMLRPCError) {
        #expect(throws: expected, "\(label)") { try XMLRPCDecoder.methodResponse(bytes) }
    }

    @Test("cutting a valid reply at every offset always throws, never crashes")
    func truncationAtEveryOffset() throws {
        for name in ["xapi-vm-record.xml", "xapi-event-from.xml", "python-sdk-pretty-response.xml", "python-sdk-fault.xml"] {
            let bytes = try Fixtures.bytes(name)
            // Cutting only trailing whitespace leaves a complete document, so stop before it.
            let documentEnd = (bytes.lastIndex { !XMLRPCScanner.isSpace($0) } ?? 0) + 1
            for length in 0..<documentEnd {
                #expect(throws: XMLRPCError.self, "\(name) cut at \(length)") {
                    try XMLRPCDecoder.methodResponse(Array(bytes[..<length]))
                }
            }
        }
    }

    @Test("truncation errors name the end of input as their offset")
    func truncationOffsets() throws {
        let bytes = try Fixtures.bytes("xapi-login-success.xml")
        for length in [30, 100, bytes.count - 1] {
            do {
                _ = try XMLRPCDecoder.methodResponse(Array(bytes[..<length]))
                Issue.record("cut at \(length) decoded")
            } catch let XMLRPCError.truncated(_, offset) {
                #expect(offset == length)
            }
        }
    }

    @Test("every single-byte corruption of a valid reply decodes or throws XMLRPCError, never traps")
    func corruptionNeverCrashes() throws {
        let bytes = try Fixtures.bytes("xapi-event-from.xml")
        let replacements: [UInt8] = [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "/"), UInt8(ascii: "&"), 0, 0xFF, UInt8(ascii: " ")]
        for position in bytes.indices {
            for replacement in replacements {
                var corrupted = bytes
                corrupted[position] = replacement
                do {
                    _ = try XMLRPCDecoder.methodResponse(corrupted)
                } catch is XMLRPCError {
                    continue
                }
            }
        }
    }

    @Test("nesting deeper than the limit throws tooDeep instead of exhausting the stack")
    func nestingLimit() {
        let depth = 100_000
        let hostile = String(repeating: "<value><array><data>", count: depth)
        #expect(throws: XMLRPCError.tooDeep(limit: 512, offset: 52 + 512 * 20 + 7)) {
            try XMLRPCDecoder.methodResponse(Self.reply(hostile))
        }
        let allowed = String(repeating: "<value><array><data>", count: 512) + String(repeating: "</data></array></value>", count: 512)
        #expect(throws: Never.self) { try XMLRPCDecoder.methodResponse(Self.reply(allowed)) }
    }

    @Test("invalid UTF-8 in text is replaced, not trusted")
    func invalidUTF8() throws {
        let value = try XMLRPCDecoder.methodResponse(Array(Self.head.utf8) + Array("<value>a".utf8) + [0xFF, 0xC3]
            + Array("</value>".utf8) + Array(Self.tail.utf8))
        #expect(value == .string("a\u{FFFD}\u{FFFD}"))
    }

    @Test("methodCall errors: missing name, wrong root")
    func methodCallErrors() {
        #expect(throws: XMLRPCError.malformed(reason: "empty <methodName>", offset: 12)) {
            try XMLRPCDecoder.methodCall(Array("<methodCall><methodName></methodName></methodCall>".utf8))
        }
        #expect(throws: XMLRPCError.unexpectedElement(expected: "<methodCall>", found: "<methodResponse>", offset: 0)) {
            try XMLRPCDecoder.methodCall(Array("<methodResponse/>".utf8))
        }
    }

    @Test("error descriptions say what and where")
    func descriptions() {
        #expect(XMLRPCError.truncated(expected: "</value>", offset: 9).description == "input ends at byte 9 while </value> was expected")
        #expect(XMLRPCError.unexpectedElement(expected: "<value>", found: "<foo>", offset: 3).description
            == "expected <value> but found <foo> at byte 3")
        #expect(XMLRPCError.fault(code: 1, message: "x").description == "XML-RPC fault 1: x")
    }
}
