import Testing
import XenAPI

@Suite struct ConsoleHandshakeTests {
    @Test func requestIsExactlyWhatXeConsoleSends() throws {
        let request = try ConsoleHandshake.request(
            location: "https://10.0.0.2/console?uuid=5f3c", sessionReference: "OpaqueRef:abc")
        #expect(request.endpoint.description == "https://10.0.0.2")
        #expect(String(decoding: request.bytes, as: UTF8.self)
            == "CONNECT /console?uuid=5f3c&session_id=OpaqueRef:abc HTTP/1.0\r\ncontent-length: 0\r\n\r\n")
    }

    @Test func requestKeepsThePortOfTheLocation() throws {
        let request = try ConsoleHandshake.request(location: "http://127.0.0.2:4711/console?ref=OpaqueRef:c", sessionReference: "OpaqueRef:s")
        #expect(request.endpoint.port == 4711)
        #expect(String(decoding: request.bytes, as: UTF8.self).hasPrefix("CONNECT /console?ref=OpaqueRef:c&session_id=OpaqueRef:s HTTP/1.0\r\n"))
    }

    @Test(arguments: ["", "console?uuid=1", "https://host", "https://host/a b", "gopher://host/x"])
    func refusesUnusableLocations(location: String) {
        #expect(throws: ConsoleError.self) { try ConsoleHandshake.request(location: location, sessionReference: "OpaqueRef:s") }
    }

    @Test func replyHeadersEndAndStreamBytesFollow() throws {
        let bytes = Array("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store\r\n\r\nfai: ".utf8)
        let reply = try #require(try ConsoleHandshake.parseReply(bytes))
        #expect(reply.status == 200)
        #expect(String(decoding: bytes[reply.headerLength...], as: UTF8.self) == "fai: ")
        try ConsoleHandshake.check(reply)
    }

    @Test func incompleteHeadersWait() throws {
        #expect(try ConsoleHandshake.parseReply(Array("HTTP/1.1 200 OK\r\nConn".utf8)) == nil)
    }

    @Test(arguments: [
        (401, ConsoleError.unauthorized), (404, .notFound), (503, .busy),
        (500, .serverError(statusLine: "HTTP/1.1 500 Internal Error")),
        (302, .unexpectedStatus(statusLine: "HTTP/1.1 302 Internal Error")),
    ])
    func statusesMapToClearErrors(status: Int, expected: ConsoleError) throws {
        let reply = try #require(try ConsoleHandshake.parseReply(Array("HTTP/1.1 \(status) Internal Error\r\n\r\n".utf8)))
        #expect(throws: expected) { try ConsoleHandshake.check(reply) }
    }

    @Test func garbageIsMalformed() {
        #expect(throws: ConsoleError.self) { try ConsoleHandshake.parseReply(Array("SSH-2.0-OpenSSH\r\n\r\n".utf8)) }
    }
}
