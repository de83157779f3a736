import CurlTransport
import Simulator
import Testing
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
