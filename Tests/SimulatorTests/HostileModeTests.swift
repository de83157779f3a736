import Foundation
import Simulator
import Testing
import XMLRPC

/// What the simulator does as a hostile pool or through a toolstack restart.
@Suite struct HostileModeTests {
    @Test func hostileNamesCarryEscapesAsCharacterReferences() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 0.05, hostileNames: true)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let reply = try client.post("/", body: XMLRPCEncoder.methodCall("VM.get_all_records", params: [session]))
            let body = String(decoding: reply.body, as: UTF8.self)
            // On the wire: references for ESC and BEL (XML 1.0 cannot carry them raw), C1 as UTF-8.
            #expect(body.contains("evil&#27;]0;PWNED-TITLE&#7;&#27;]52;c;"))
            #expect(!reply.body.contains(0x1B))
            // Decoded: the characters themselves, for the client's sanitiser to neutralise.
            let records = try #require(XMLRPCDecoder.methodResponse(reply.body).structValue?["Value"]?.structValue)
            let names = records.names.compactMap { records[$0]?.structValue?["name_label"]?.stringValue }
            #expect(names.contains { $0.hasPrefix("evil\u{1B}]0;PWNED-TITLE\u{07}") && $0.contains("\u{9D}0;PWNED-C1\u{9C}") })
        }
    }

    @Test func withoutTheModeNoNameHoldsAControl() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let reply = try client.post("/", body: XMLRPCEncoder.methodCall("VM.get_all_records", params: [session]))
            #expect(!String(decoding: reply.body, as: UTF8.self).contains("&#27;"))
        }
    }

    @Test func aToolstackRestartForgetsSessionsAndListensAgainOnTheSamePort() async throws {
        try await withSimulator { server, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let before = try client.value("VM.get_all", [session]).arrayValue?.count ?? 0
            let restarted = Thread.detachedResult { try server.restartToolstack(downtime: .milliseconds(200)) }
            try await restarted.value
            #expect(server.activeSessionCount == 0)
            let again = try LoopbackClient.master(port)
            #expect(try again.failure("VM.get_all", [session]).first == "SESSION_INVALID")
            let renewed = try again.login()
            #expect(try again.value("VM.get_all", [renewed]).arrayValue?.count == before)
        }
    }
}

extension Thread {
    /// Runs `work` on a thread of its own (not the cooperative pool) and hands back its outcome.
    static func detachedResult(_ work: @escaping @Sendable () throws -> Void) -> Task<Void, any Error> {
        Task {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                Thread {
                    do {
                        try work()
                        continuation.resume()
                    } catch {
                        continuation.resume(throwing: error)
                    }
                }.start()
            }
        }
    }
}
