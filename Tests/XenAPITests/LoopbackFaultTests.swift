import CurlTransport
import Simulator
import Testing
import XMLRPC
import XenAPI

/// Dropped connections, slow replies and unreachable hosts, over real loopback.
@Suite struct LoopbackFaultTests {
    @Test func droppedConnectionsAreRetriedForReadsAndReportedForChanges() async throws {
        try await withSimulatedPool(SimulatorConfiguration(faults: [.dropConnection(everyNthRequest: 2)])) { pool in
            let session = try pool.session()
            var reads = 0
            var lostChanges = 0
            for index in 0..<6 {
                _ = try session.host.getAllRecords()
                reads += 1
                do {
                    try session.vm.setNameDescription(try session.vm(named: "fai03"), "attempt \(index)")
                } catch let error as TransportError {
                    #expect(error.kind == .connectionLost)
                    lostChanges += 1
                }
            }
            #expect(reads == 6)
            #expect(lostChanges > 0)
        }
    }

    @Test func aWriteWhoseReplyIsLostIsNeverResent() async throws {
        try await withSimulatedPool(SimulatorConfiguration(faults: [.loseReply(method: "VM.clone", nthCall: 1)])) { pool in
            let session = try pool.session()
            let template = try session.vm(named: "FAI Squeeze 64")
            _ = try session.host.getAllRecords()  // the keep-alive connection is now a reused one
            let error = try #require(throws: TransportError.self) { _ = try session.vm.clone(template, newName: "once") }
            #expect(error.kind == .connectionLost)
            #expect(try session.vm.getByNameLabel("once").count == 1)
        }
    }

    @Test func libcurlItselfResendsAPostOnAReusedConnectionThatDied() async throws {
        // Why writes go through postOnce: the same lost reply through plain post (a reused
        // keep-alive connection) is sent again by libcurl, and the pool gets two clones.
        try await withSimulatedPool(SimulatorConfiguration()) { pool in
            let session = try pool.session()
            try session.login()
            let template = try session.vm(named: "FAI Squeeze 64")
            let transport = try CurlTransportFactory().transport(for: XenAPIURL(string: pool.server.masterURL))
            let read = XMLRPCEncoder.methodCall("host.get_all_records", params: [.string(session.sessionReference ?? "")])
            _ = try transport.post(read, timeout: .seconds(5))
            pool.server.setFaults([.loseReply(method: "VM.clone", nthCall: 1)])
            let clone = XMLRPCEncoder.methodCall(
                "VM.clone", params: [.string(session.sessionReference ?? ""), .string(template.rawValue), "twice"])
            _ = try? transport.post(clone, timeout: .seconds(5))
            #expect(try session.vm.getByNameLabel("twice").count == 2)
        }
    }

    @Test func replyLaterThanTheTimeoutIsATimeoutError() async throws {
        try await withSimulatedPool(SimulatorConfiguration(faults: [.delayReplies(milliseconds: 1500)])) { pool in
            let session = try pool.session(callTimeout: .milliseconds(300))
            let error = try #require(throws: TransportError.self) { try session.login() }
            #expect(error.kind == .timedOut)
        }
    }

    @Test func truncatedReplyIsAProtocolError() async throws {
        try await withSimulatedPool(SimulatorConfiguration(faults: [.malformedReplies(everyNthReply: 2)])) { pool in
            let session = try pool.session()
            try session.login()
            #expect(throws: XenAPIProtocolError.self) { try session.host.getAllRecords() }
        }
    }

    @Test func refusedConnectionIsAConnectFailure() throws {
        let session = try XenAPISession(
            url: XenAPIURL(string: "http://127.0.0.1:1"), credentials: Credentials(user: "root", password: "x"),
            factory: CurlTransportFactory())
        let error = try #require(throws: TransportError.self) { try session.login() }
        #expect(error.kind == .connectFailed)
    }
}
