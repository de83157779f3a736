import Simulator
import Testing
import XMLRPC

@Suite struct WireTests {
    @Test func jsonRPCVersionOneAndTwoHaveXapiShapes() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let login = try client.post("/jsonrpc", body: Array(#"{"method":"session.login_with_password","params":["root","xenroot"],"id":1}"#.utf8), contentType: "application/json")
            #expect(login.headers["content-type"] == "application/json")
            let session = try #require(login.text.split(separator: "\"").dropFirst(3).first.map(String.init))
            #expect(login.text == #"{"result":"\#(session)","error":null,"id":1}"#)
            let v2 = try client.post("/jsonrpc", body: Array(#"{"jsonrpc":"2.0","method":"VM.get_by_uuid","params":["\#(session)","nope"],"id":"a"}"#.utf8))
            #expect(v2.text == #"{"jsonrpc":"2.0","error":{"code":1,"message":"UUID_INVALID","data":["VM","nope"]},"id":"a"}"#)
            let v1 = try client.post("/jsonrpc", body: Array(#"{"method":"VM.get_by_uuid","params":["\#(session)","nope"],"id":2}"#.utf8))
            #expect(v1.text == #"{"result":null,"error":["UUID_INVALID","VM","nope"],"id":2}"#)
            let pool = try client.post("/jsonrpc", body: Array(#"{"jsonrpc":"2.0","method":"host.get_all_records","params":["\#(session)"],"id":3}"#.utf8))
            #expect(pool.text.contains(#""API_version_major":2"#))
        }
    }

    @Test func xmlRPCRepliesCarryXapiHeadersOnBothPaths() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let reply = try client.post("/RPC2", body: XMLRPCEncoder.methodCall("session.login_with_password", params: ["root", "bad"]))
            #expect(reply.status == 200)
            #expect(reply.headers["content-type"] == "text/xml")
            #expect(reply.headers["access-control-allow-origin"] == "*")
            #expect(reply.text.hasPrefix(#"<?xml version="1.0"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Failure</value></member>"#))
            // The same connection stays usable (keep-alive).
            #expect(try client.login().stringValue?.hasPrefix("OpaqueRef:") == true)
        }
    }

    @Test func missingContentLengthAndMalformedXMLGive500() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            try client.send("POST / HTTP/1.1\r\nHost: sim\r\n\r\n")
            let reply = try client.receiveReply()
            #expect(reply.status == 500)
            let other = try LoopbackClient.master(port)
            let malformed = try other.post("/", body: Array("<methodCall><methodName>VM.get_all".utf8))
            #expect(malformed.status == 500)
        }
    }

    @Test func repositoryAnswersGetAndHeadAndMissingFiles() async throws {
        let missing = "dists/lenny/main/installer-i386/current/images/netboot/xen/vmlinuz"
        try await withSimulator(SimulatorConfiguration(missingRepositoryFiles: [missing])) { _, port in
            let client = try LoopbackClient.master(port)
            let path = "/repo/debian/dists/squeeze/main/installer-amd64/current/images/netboot/xen/initrd.gz"
            try client.send("HEAD \(path) HTTP/1.1\r\nHost: sim\r\n\r\n")
            let head = try client.receiveReply(hasBody: false)
            #expect(head.status == 200)
            try client.send("GET \(path) HTTP/1.1\r\nHost: sim\r\n\r\n")
            let get = try client.receiveReply()
            #expect(get.status == 200 && !get.body.isEmpty)
            try client.send("HEAD /repo/debian/\(missing) HTTP/1.1\r\nHost: sim\r\n\r\n")
            #expect(try client.receiveReply(hasBody: false).status == 404)
        }
    }

    @Test func sessionsAreSharedBetweenTransports() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login().stringValue ?? ""
            let reply = try client.post("/jsonrpc", body: Array(#"{"jsonrpc":"2.0","method":"pool.get_all","params":["\#(session)"],"id":9}"#.utf8))
            #expect(reply.text.hasPrefix(#"{"jsonrpc":"2.0","result":["OpaqueRef:"#))
        }
    }

    @Test func expectContinueGetsAnInterimReply() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let body = XMLRPCEncoder.methodCall("session.login_with_password", params: ["root", "xenroot"])
            try client.send("POST / HTTP/1.1\r\nHost: sim\r\nExpect: 100-continue\r\nContent-Length: \(body.count)\r\n\r\n")
            #expect(try client.receive(until: "\r\n\r\n") == "HTTP/1.1 100 Continue\r\n\r\n")
            try client.send(body)
            #expect(try client.receiveReply().status == 200)
        }
    }
}
