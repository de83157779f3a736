import Simulator
import Testing
import XMLRPC

@Suite struct FaultTests {
    @Test func dropEveryNthRequestClosesTheConnection() async throws {
        try await withSimulator(SimulatorConfiguration(faults: [.dropConnection(everyNthRequest: 2)])) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            #expect(throws: LoopbackClient.Failure.self) { try client.value("VM.get_all", [session]) }
            let again = try LoopbackClient.master(port)
            #expect(try again.value("VM.get_all", [session]).arrayValue?.isEmpty == false)
        }
    }

    @Test func randomDropsAreReproducibleFromTheSeed() async throws {
        func pattern() async throws -> [Bool] {
            try await withSimulator(SimulatorConfiguration(faults: [.dropConnectionRandomly(probability: 0.5, seed: 7)])) { _, port in
                (0..<12).map { _ in
                    guard let client = try? LoopbackClient.master(port) else { return false }
                    return (try? client.call("system.listMethods", [])) != nil
                }
            }
        }
        let first = try await pattern()
        #expect(first.contains(true) && first.contains(false))
        #expect(try await pattern() == first)
    }

    @Test func expiringSessionsFailOnceThenLoginWorksAgain() async throws {
        try await withSimulator(SimulatorConfiguration(faults: [.expireSessions(afterCalls: 1)])) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            _ = try client.value("VM.get_all", [session])
            #expect(try client.failure("VM.get_all", [session]) == ["SESSION_INVALID", session.stringValue ?? ""])
            let fresh = try client.login()
            #expect(try client.value("VM.get_all", [fresh]).arrayValue?.isEmpty == false)
        }
    }

    @Test func malformedRepliesAreTruncatedAndFaultsChangeAtRunTime() async throws {
        try await withSimulator { server, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            server.setFaults([.malformedReplies(everyNthReply: 1)])
            #expect(throws: (any Error).self) { try client.call("VM.get_all", [session]) }
            server.setFaults([])
            #expect(try client.value("VM.get_all", [session]).arrayValue?.isEmpty == false)
        }
    }

    @Test func delayedRepliesStillArrive() async throws {
        try await withSimulator(SimulatorConfiguration(faults: [.delayReplies(milliseconds: 50)])) { _, port in
            let client = try LoopbackClient.master(port)
            #expect(try client.login().stringValue?.hasPrefix("OpaqueRef:") == true)
        }
    }

    @Test func consoleRelaysCloseAfterTheirByteBudgetAndReattachWorks() async throws {
        let configuration = SimulatorConfiguration(linesPerSecond: 30, bootDelay: 0.2, faults: [.dropConsoleRelays(afterBytes: 500)])
        try await withSimulator(configuration) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("flaky", session: session)
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let started = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, reply) = try LoopbackClient.connectConsole(location: started.location, session: session)
            #expect(reply.status == 200)
            var relayed = 0
            while true {
                let chunk = try stream.receiveChunk()
                if chunk.isEmpty { break }
                relayed += chunk.count
            }
            #expect(relayed >= 500)
            #expect(try client.field("VM", "power_state", of: vm, session: session) == "Running")
            let (again, second) = try LoopbackClient.connectConsole(location: started.location, session: session)
            #expect(second.status == 200)
            #expect(try again.receiveChunk().isEmpty == false)
        }
    }

    @Test func faultTextForms() throws {
        #expect(try SimulatorFault(parsing: "drop-every:5") == .dropConnection(everyNthRequest: 5))
        #expect(try SimulatorFault(parsing: "drop-random:0.25:9") == .dropConnectionRandomly(probability: 0.25, seed: 9))
        #expect(try SimulatorFault(parsing: "delay:200") == .delayReplies(milliseconds: 200))
        #expect(try SimulatorFault(parsing: "expire-sessions:3") == .expireSessions(afterCalls: 3))
        #expect(try SimulatorFault(parsing: "malformed-every:4").description == "malformed-every:4")
        #expect(try SimulatorFault(parsing: "drop-console:4096") == .dropConsoleRelays(afterBytes: 4096))
        #expect(SimulatorFault.dropConsoleRelays(afterBytes: 10).description == "drop-console:10")
        #expect(throws: SimulatorFault.ParseError.self) { try SimulatorFault(parsing: "drop-console:0") }
        #expect(throws: SimulatorFault.ParseError.self) { try SimulatorFault(parsing: "explode") }
        #expect(try SimulatorFault(parsing: "lose-reply:VM.clone") == .loseReply(method: "VM.clone", nthCall: 1))
        #expect(try SimulatorFault(parsing: "drop-before:VM.add_to_other_config:2") == .dropBefore(method: "VM.add_to_other_config", nthCall: 2))
        #expect(SimulatorFault.loseReply(method: "VM.provision", nthCall: 3).description == "lose-reply:VM.provision:3")
        #expect(throws: SimulatorFault.ParseError.self) { try SimulatorFault(parsing: "lose-reply:") }
        #expect(throws: SimulatorFault.ParseError.self) { try SimulatorFault(parsing: "drop-before:VM.start:0") }
    }
}
