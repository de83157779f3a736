import Testing
@testable import XMLRPC

@Suite("JSON-RPC 1.0/2.0 as xapi speaks it on /jsonrpc")
struct JSONRPCCodecTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("a v2 request: method, positional params, integer id")
    func requestV2() throws {
        let request = try JSONRPCCodec.decodeRequest(bytes(
            #"{"jsonrpc":"2.0","method":"VM.get_all","params":["OpaqueRef:s", 12, 1.5, true, null, {"a":["b"]}],"id":7}"#
        ))
        #expect(request.version == .v2)
        #expect(request.method == "VM.get_all")
        #expect(request.params == ["OpaqueRef:s", .int(12), .double(1.5), .bool(true), "", .structure(["a": ["b"]])])
        #expect(request.id == .int(7))
        #expect(request.id.rawJSON == "7")
    }

    @Test("a v1 request: no jsonrpc member, string id kept as JSON text")
    func requestV1() throws {
        let request = try JSONRPCCodec.decodeRequest(bytes(#"{"method":"session.login_with_password","params":["root","p\"w\u00e9"],"id":"a\"1"}"#))
        #expect(request.version == .v1)
        #expect(request.params == ["root", "p\"wé"])
        #expect(request.id.rawJSON == #""a\"1""#)
    }

    @Test("v2 may omit params or send null")
    func requestV2WithoutParams() throws {
        #expect(try JSONRPCCodec.decodeRequest(bytes(#"{"jsonrpc":"2.0","method":"m","id":1}"#)).params.isEmpty)
        #expect(try JSONRPCCodec.decodeRequest(bytes(#"{"jsonrpc":"2.0","method":"m","params":null,"id":1}"#)).params.isEmpty)
    }

    @Test("invalid requests are rejected with a reason", arguments: [
        (#"{"jsonrpc":"2.0","method":"m","params":[]}"#, "\"id\" is missing (notifications are not accepted)"),
        (#"{"jsonrpc":"2.0","method":"m","params":[],"id":null}"#, "\"id\" is missing (notifications are not accepted)"),
        (#"{"method":"m","params":[],"id":1.5}"#, "\"id\" must be a string or integer, not the number 1.5"),
        (#"{"jsonrpc":"1.0","method":"m","params":[],"id":1}"#, "unsupported jsonrpc version the string \"1.0\""),
        (#"{"method":"m","id":1}"#, "\"params\" must be an array"),
        (#"{"method":3,"params":[],"id":1}"#, "\"method\" is missing or not a string"),
        ("[1]", "the request is not a JSON object"),
    ])
    func invalidRequests(json: String, reason: String) {
        #expect(throws: XMLRPCError.invalidRequest(reason: reason)) { try JSONRPCCodec.decodeRequest(bytes(json)) }
    }

    @Test("malformed JSON gives the offset", arguments: [
        (#"{"method":"m","#, XMLRPCError.truncated(expected: "a member name", offset: 14)),
        (#"{"method":"m\u12"}"#, .malformed(reason: "\\u escape needs four hex digits", offset: 12)),
        (#"{"method":01}"#, .malformed(reason: "invalid JSON number", offset: 10)),
        (#"{"a":tru}"#, .malformed(reason: "invalid literal (expected true)", offset: 5)),
        (#"{"a":1}x"#, .malformed(reason: "content after the end of the JSON value", offset: 7)),
        ("{\"a\":\"\u{01}\"}", .malformed(reason: "unescaped control character in a string", offset: 6)),
    ])
    func malformedJSON(json: String, expected: XMLRPCError) {
        #expect(throws: expected) { try JSONRPCCodec.decodeRequest(bytes(json)) }
    }

    @Test("deep nesting is refused")
    func nesting() {
        let json = String(repeating: "[", count: 10_000)
        #expect(throws: XMLRPCError.tooDeep(limit: 512, offset: 512)) { try JSONRPCCodec.decodeValue(bytes(json)) }
    }

    @Test("success replies in both versions")
    func successResponses() {
        let value = XMLRPCValue.structure(["n": .int(-3), "ok": true, "s": "a\"\\\n\u{01}", "d": .double(0.5), "e": .array([])])
        #expect(text(JSONRPCCodec.successResponse(value, id: .int(7), version: .v1))
            == #"{"result":{"n":-3,"ok":true,"s":"a\"\\\n\u0001","d":0.5,"e":[]},"error":null,"id":7}"#)
        #expect(text(JSONRPCCodec.successResponse("", id: .string("x"), version: .v2)) == #"{"jsonrpc":"2.0","result":"","id":"x"}"#)
    }

    @Test("failure replies: v1 error array, v2 error object with code 1")
    func failureResponses() {
        let description = ["HANDLE_INVALID", "VM", "OpaqueRef:x"]
        #expect(text(JSONRPCCodec.failureResponse(description, id: .int(3), version: .v1))
            == #"{"result":null,"error":["HANDLE_INVALID","VM","OpaqueRef:x"],"id":3}"#)
        #expect(text(JSONRPCCodec.failureResponse(description, id: .int(3), version: .v2))
            == #"{"jsonrpc":"2.0","error":{"code":1,"message":"HANDLE_INVALID","data":["VM","OpaqueRef:x"]},"id":3}"#)
    }

    @Test("replies decode back to result or error description")
    func decodeResponses() throws {
        let description = ["SESSION_INVALID", "OpaqueRef:s"]
        for version in [JSONRPCRequest.Version.v1, .v2] {
            let failure = try JSONRPCCodec.decodeResponse(JSONRPCCodec.failureResponse(description, id: .int(1), version: version))
            #expect(failure == JSONRPCResponse(id: .int(1), version: version, outcome: .failure(description)))
            let success = try JSONRPCCodec.decodeResponse(JSONRPCCodec.successResponse(["a"], id: .string("q"), version: version))
            #expect(success == JSONRPCResponse(id: .string("q"), version: version, outcome: .success(["a"])))
        }
    }

    @Test("requests round-trip, dateTime becomes a string, integral numbers become ints")
    func requestRoundTrip() throws {
        let request = JSONRPCRequest(method: "VM.set_name_label", params: ["OpaqueRef:v", "naïve 😀", .dateTime("20230729T13:20:01Z")], id: .int(9), version: .v2)
        let decoded = try JSONRPCCodec.decodeRequest(JSONRPCCodec.encodeRequest(request))
        #expect(decoded.params == ["OpaqueRef:v", "naïve 😀", "20230729T13:20:01Z"])
        #expect(try JSONRPCCodec.decodeValue(bytes("[1, 1.0, -0, 1e2, \"\\ud83d\\ude00\"]")) == [.int(1), .double(1), .int(0), .double(100), "😀"])
    }
}
