import Testing
@testable import XMLRPC

@Suite("Streaming the members of a map result (VM.get_all_records)")
struct XMLRPCStreamingTests {
    private static let records: XMLRPCValue = .structure([
        "OpaqueRef:a": .structure(["name_label": "web1", "memory_static_max": "1073741824"]),
        "OpaqueRef:b": .structure(["name_label": "db & cache", "tags": ["x"]]),
    ])

    @Test("each member of Value arrives in wire order, equal to the tree decode")
    func success() throws {
        let bytes = XMLRPCEncoder.success(Self.records)
        var seen: [(String, XMLRPCValue)] = []
        let status = try XMLRPCDecoder.forEachResultMember(bytes) { seen.append(($0, $1)) }
        #expect(status == .success)
        #expect(seen.map(\.0) == ["OpaqueRef:a", "OpaqueRef:b"])
        let tree = try #require(try XMLRPCDecoder.methodResponse(bytes).structValue?["Value"]?.structValue)
        #expect(seen.map(\.1) == tree.members.map(\.value))
    }

    @Test("an empty map calls nothing and succeeds")
    func emptyMap() throws {
        var calls = 0
        #expect(try XMLRPCDecoder.forEachResultMember(XMLRPCEncoder.success(.structure(XMLRPCStruct()))) { _, _ in calls += 1 }
            == .success)
        #expect(calls == 0)
    }

    @Test("a Failure reply returns its ErrorDescription without calling the body")
    func failure() throws {
        var calls = 0
        let status = try XMLRPCDecoder.forEachResultMember(Fixtures.bytes("xapi-session-invalid.xml")) { _, _ in calls += 1 }
        #expect(status == .failure(errorDescription: ["SESSION_INVALID", "OpaqueRef:1c0ffee0-0000-4000-8000-000000000001"]))
        #expect(calls == 0)
    }

    @Test("a Value that is not a struct, or no wrapper at all, is an error")
    func wrongShapes() throws {
        #expect(throws: XMLRPCError.unexpectedElement(expected: "<struct>", found: "</value>", offset: 158)) {
            try XMLRPCDecoder.forEachResultMember(Fixtures.bytes("xapi-void-success.xml")) { _, _ in }
        }
        #expect(throws: XMLRPCError.unexpectedElement(expected: "<struct>", found: "text", offset: 59)) {
            try XMLRPCDecoder.forEachResultMember(XMLRPCEncoder.methodResponse("plain")) { _, _ in }
        }
        #expect(throws: XMLRPCError.malformed(
            reason: "the reply lacks Status \"Success\" with a Value, or Status \"Failure\"", offset: 52
        )) {
            try XMLRPCDecoder.forEachResultMember(XMLRPCEncoder.methodResponse(.structure(["Status": "Success"]))) { _, _ in }
        }
    }

    @Test("<value/> or <struct/> instead of the wrapper struct is an error", arguments: ["<value/>", "<value><struct/></value>"])
    func emptyWrapper(wrapper: String) {
        let reply = #"<?xml version="1.0"?><methodResponse><params><param>"# + wrapper + "</param></params></methodResponse>"
        #expect(throws: XMLRPCError.malformed(reason: "the reply is not a Status/Value struct", offset: 52)) {
            try XMLRPCDecoder.forEachResultMember(Array(reply.utf8)) { _, _ in }
        }
    }

    @Test("errors thrown by the body propagate")
    func bodyErrors() {
        struct Stop: Error, Equatable {}
        #expect(throws: Stop()) {
            try XMLRPCDecoder.forEachResultMember(XMLRPCEncoder.success(Self.records)) { _, _ in throw Stop() }
        }
    }

    @Test("cutting the reply at every offset throws, never crashes")
    func truncation() {
        let bytes = XMLRPCEncoder.success(Self.records)
        for length in 0..<bytes.count {
            #expect(throws: XMLRPCError.self, "cut at \(length)") {
                try XMLRPCDecoder.forEachResultMember(Array(bytes[..<length])) { _, _ in }
            }
        }
    }
}
