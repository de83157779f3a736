import Testing
@testable import XMLRPC

@Suite("XML-RPC encoding in xapi's style, and round trips")
struct XMLRPCEncoderTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a success reply is byte for byte what xapi writes")
    func successReplyBytes() throws {
        let expected = try Fixtures.bytes("xapi-login-success.xml")
        #expect(XMLRPCEncoder.success("OpaqueRef:9a1c4b2e-5d6f-4e7a-8b9c-0d1e2f3a4b5c") == expected)
    }

    @Test("a failure reply is byte for byte what xapi writes")
    func failureReplyBytes() throws {
        let expected = try Fixtures.bytes("xapi-session-invalid.xml")
        #expect(XMLRPCEncoder.failure(["SESSION_INVALID", "OpaqueRef:1c0ffee0-0000-4000-8000-000000000001"]) == expected)
    }

    @Test("void is <value></value>, the event.from fixture re-encodes to the same bytes")
    func reencodeFixtures() throws {
        for name in ["xapi-void-success.xml", "xapi-event-from.xml", "xapi-vm-record.xml"] {
            let bytes = try Fixtures.bytes(name)
            #expect(XMLRPCEncoder.methodResponse(try XMLRPCDecoder.methodResponse(bytes)) == bytes, "\(name)")
        }
    }

    @Test("each type in xapi's style", arguments: [
        (XMLRPCValue.string("a&b<c>\"d'"), "<value>a&amp;b&lt;c&gt;&quot;d'</value>"),
        (.string("tab\tnl\ncr\rbell\u{07}"), "<value>tab\tnl\ncr\rbell</value>"),
        (.string(""), "<value></value>"),
        (.int(-9_223_372_036_854_775_808), "<value>-9223372036854775808</value>"),
        (.i4(-7), "<value><i4>-7</i4></value>"),
        (.bool(true), "<value><boolean>1</boolean></value>"),
        (.bool(false), "<value><boolean>0</boolean></value>"),
        (.double(0.1), "<value><double>0.1</double></value>"),
        (.double(1), "<value><double>1</double></value>"),
        (.double(1_690_636_801.123), "<value><double>1690636801.123</double></value>"),
        (.dateTime("20230729T13:20:01Z"), "<value><dateTime.iso8601>20230729T13:20:01Z</dateTime.iso8601></value>"),
        (.array([]), "<value><array><data></data></array></value>"),
        (.array(["x", .int(1)]), "<value><array><data><value>x</value><value>1</value></data></array></value>"),
        (.structure(XMLRPCStruct()), "<value><struct></struct></value>"),
        (.structure(["k&": "v"]), "<value><struct><member><name>k&amp;</name><value>v</value></member></struct></value>"),
    ])
    func valueEncoding(value: XMLRPCValue, expected: String) {
        var bytes: [UInt8] = []
        XMLRPCEncoder.appendValue(value, to: &bytes)
        #expect(text(bytes) == expected)
    }

    @Test("a client call: prolog, escaped method name, ints typed <int> or <i8>")
    func methodCall() throws {
        let bytes = XMLRPCEncoder.methodCall("VM.set_memory_limits", params: ["OpaqueRef:a", .int(42), .int(4_294_967_296), .bool(true)])
        #expect(text(bytes) == #"<?xml version="1.0"?><methodCall><methodName>VM.set_memory_limits</methodName><params>"#
            + "<param><value>OpaqueRef:a</value></param><param><value><int>42</int></value></param>"
            + "<param><value><i8>4294967296</i8></value></param><param><value><boolean>1</boolean></value></param>"
            + "</params></methodCall>")
        let decoded = try XMLRPCDecoder.methodCall(bytes)
        #expect(decoded.method == "VM.set_memory_limits")
        #expect(decoded.params == ["OpaqueRef:a", .int(42), .int(4_294_967_296), .bool(true)])
    }

    @Test("a call with no params decodes to an empty list")
    func methodCallWithoutParams() throws {
        let bytes = XMLRPCEncoder.methodCall("system.listMethods", params: [])
        #expect(try XMLRPCDecoder.methodCall(bytes).params.isEmpty)
        #expect(try XMLRPCDecoder.methodCall(Array("<methodCall><methodName>a.b</methodName></methodCall>".utf8)).method == "a.b")
    }

    @Test("encode → decode keeps every value that is not an untyped int")
    func roundTrip() throws {
        let value = XMLRPCValue.structure([
            "string": "Debian é 😀 <x> & \"y\"",
            "empty": "",
            "i4": .i4(Int32.min),
            "bool": true,
            "double": .double(-1.25e-300),
            "date": .dateTime("19700101T00:00:00Z"),
            "array": .array([.array([]), .structure(XMLRPCStruct()), "nested", .i4(3)]),
            "map": .structure(["a": "1", "b": "2"]),
        ])
        #expect(try XMLRPCDecoder.methodResponse(XMLRPCEncoder.methodResponse(value)) == value)
        #expect(try XMLRPCDecoder.methodCall(XMLRPCEncoder.methodCall("x.y", params: [value, .int(Int64.max)])).params
            == [value, .int(Int64.max)])
    }

    @Test("an untyped int comes back as text that int64Value reads")
    func untypedIntRoundTrip() throws {
        let decoded = try XMLRPCDecoder.methodResponse(XMLRPCEncoder.methodResponse(.int(-1)))
        #expect(decoded == .string("-1"))
        #expect(decoded.int64Value == -1)
    }
}
