import Simulator
import Testing
import XMLRPC

@Suite struct SessionTests {
    @Test func loginReturnsASessionThatWorks() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            #expect(session.stringValue?.hasPrefix("OpaqueRef:") == true)
            let pools = try client.value("pool.get_all", [session]).stringArrayValue ?? []
            #expect(pools.count == 1)
        }
    }

    @Test func loginWithTwoParametersWorksAndWrongPasswordFails() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            _ = try client.value("session.login_with_password", ["root", "xenroot"])
            let failure = try client.failure("session.login_with_password", ["root", "wrong"])
            #expect(failure.first == "SESSION_AUTHENTICATION_FAILED")
            #expect(failure.dropFirst().first == "root")
            let mismatch = try client.failure("session.login_with_password", ["root"])
            #expect(mismatch.first == "MESSAGE_PARAMETER_COUNT_MISMATCH")
        }
    }

    @Test func memberAnswersHostIsSlaveWithTheMasterAddress() async throws {
        let configuration = SimulatorConfiguration(hosts: ["127.0.0.1", "127.0.0.2"], linesPerSecond: 0)
        try await withSimulator(configuration) { _, port in
            let member = try LoopbackClient(host: "127.0.0.2", port: port)
            let failure = try member.failure("session.login_with_password", ["root", "xenroot", "1.1", "test"])
            #expect(failure == ["HOST_IS_SLAVE", "127.0.0.1"])
            let session = try LoopbackClient.master(port).login()
            #expect(try member.failure("VM.get_all", [session]) == ["HOST_IS_SLAVE", "127.0.0.1"])
        }
    }

    @Test func badSessionsUnknownMethodsAndWrongCounts() async throws {
        try await withSimulator { server, port in
            let client = try LoopbackClient.master(port)
            #expect(try client.failure("VM.get_all", ["OpaqueRef:nope"]) == ["SESSION_INVALID", "OpaqueRef:nope"])
            let session = try client.login()
            #expect(try client.failure("VM.frobnicate", [session]) == ["MESSAGE_METHOD_UNKNOWN", "VM.frobnicate"])
            #expect(try client.failure("VM.get_record", [session]) == ["MESSAGE_PARAMETER_COUNT_MISMATCH", "VM.get_record", "1", "0"])
            #expect(try client.value("VM_get_all", [session]).arrayValue?.isEmpty == false)
            _ = try client.value("session.logout", [session])
            #expect(try client.failure("VM.get_all", [session]).first == "SESSION_INVALID")
            let second = try client.login()
            server.expireAllSessions()
            #expect(try client.failure("VM.get_all", [second]) == ["SESSION_INVALID", second.stringValue ?? ""])
        }
    }

    @Test func listMethodsIncludesGeneratedMessages() async throws {
        try await withSimulator { _, port in
            let methods = try LoopbackClient.master(port).value("system.listMethods", []).stringArrayValue ?? []
            #expect(methods.contains("VM.get_PV_args"))
            #expect(methods.contains("VM.set_PV_args"))
            #expect(methods.contains("Async.VM.start"))
        }
    }
}
