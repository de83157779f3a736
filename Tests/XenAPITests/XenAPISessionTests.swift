import Testing
import XMLRPC
@testable import XenAPI

private let credentials = Credentials(user: "root", password: "s3cret")

private func makeSession(_ transport: FakeTransport) throws -> XenAPISession {
    try XenAPISession(
        url: XenAPIURL(string: "https://\(transport.host)"), credentials: credentials,
        factory: FakeFactory(transports: [transport.host: transport]))
}

private func vmStruct(name: String, power: String = "Halted") -> XMLRPCValue {
    .structure([
        "uuid": "0f6a-\(name)", "name_label": .string(name), "power_state": .string(power),
        "is_a_template": .bool(false), "memory_static_max": "1073741824", "PV_args": "console=hvc0",
        "other_config": .structure(["install-repository": "http://deb.debian.org/debian"]),
        "consoles": [], "resident_on": "OpaqueRef:NULL",
    ])
}

/// A methodResponse whose single param is `value` (raw XML).
private func methodResponse(_ value: String) -> String {
    #"<?xml version="1.0"?><methodResponse><params><param>"# + value + "</param></params></methodResponse>"
}

/// xapi's wrapper struct with the given members (values raw XML, or text).
private func wrapper(_ members: (String, String)...) -> String {
    "<value><struct>" + members.map { "<member><name>\($0.0)</name><value>\($0.1)</value></member>" }.joined()
        + "</struct></value>"
}

@Suite struct XenAPISessionTests {
    @Test func loginSendsUserPasswordVersionOriginatorAndCallsPrependTheSession() throws {
        let transport = FakeTransport { method, _ in
            switch method {
            case "session.login_with_password": Reply.success("OpaqueRef:s1")
            case "VM.get_all_records": Reply.success(.structure(["OpaqueRef:vm1": vmStruct(name: "web1")]))
            default: Reply.failure("MESSAGE_METHOD_UNKNOWN", method)
            }
        }
        let session = try makeSession(transport)
        try session.login()
        let vms = try session.vm.getAllRecords()

        #expect(transport.requests[0].params == ["root", "s3cret", "1.1", "xsfai"])
        #expect(transport.requests[1].method == "VM.get_all_records")
        #expect(transport.requests[1].params == ["OpaqueRef:s1"])
        let vm = try #require(vms[Ref("OpaqueRef:vm1")])
        #expect(vm.nameLabel == "web1")
        #expect(vm.memoryStaticMax == 1_073_741_824)
        #expect(vm.otherConfig["install-repository"] == "http://deb.debian.org/debian")
        #expect(session.sessionReference == "OpaqueRef:s1")
    }

    @Test func typedCallsSendTheirParametersInOrder() throws {
        let transport = FakeTransport { method, _ in
            switch method {
            case "session.login_with_password": Reply.success("OpaqueRef:s1")
            case "VM.clone", "VM.copy": Reply.success("OpaqueRef:new")
            default: Reply.void
            }
        }
        let session = try makeSession(transport)
        let vm = Ref<VMRecord>("OpaqueRef:t")
        try session.vm.setPVArgs(vm, "fai-action=install")
        try session.vm.addToOtherConfig(vm, key: "install-repository", value: "http://mirror")
        #expect(try session.vm.clone(vm, newName: "web2") == Ref("OpaqueRef:new"))
        #expect(try session.vm.copy(vm, newName: "web3") == Ref("OpaqueRef:new"))
        try session.vm.start(vm)

        let calls = transport.requests.dropFirst()
        #expect(calls.map(\.method) == ["VM.set_PV_args", "VM.add_to_other_config", "VM.clone", "VM.copy", "VM.start"])
        #expect(calls.map(\.params) == [
            ["OpaqueRef:s1", "OpaqueRef:t", "fai-action=install"],
            ["OpaqueRef:s1", "OpaqueRef:t", "install-repository", "http://mirror"],
            ["OpaqueRef:s1", "OpaqueRef:t", "web2"],
            ["OpaqueRef:s1", "OpaqueRef:t", "web3", "OpaqueRef:NULL"],
            ["OpaqueRef:s1", "OpaqueRef:t", false, false],
        ])
    }

    @Test func failureBecomesXenAPIErrorWithCodeParametersAndMessage() throws {
        let transport = FakeTransport { method, _ in
            method == "session.login_with_password"
                ? Reply.success("OpaqueRef:s1")
                : Reply.failure("VM_BAD_POWER_STATE", "OpaqueRef:vm1", "halted", "running")
        }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIError.self) { try session.vm.start(Ref("OpaqueRef:vm1")) }
        #expect(error.code == .vmBadPowerState)
        #expect(error.parameters == ["OpaqueRef:vm1", "halted", "running"])
        #expect(error.message == "the VM is running, but this needs it halted")
    }

    @Test func wrongPasswordIsAuthenticationFailure() throws {
        let transport = FakeTransport { _, _ in Reply.failure("SESSION_AUTHENTICATION_FAILED", "root", "bad") }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIError.self) { try session.login() }
        #expect(error.code == .sessionAuthenticationFailed)
        #expect(!session.isLoggedIn)
    }

    @Test(arguments: [
        ("not xml at all", "unexpected reply to VM.get_record"),
        ("<?xml version=\"1.0\"?><methodResponse><params><param><value>42</value></param></params></methodResponse>",
         "not a Status struct"),
        ("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>Value</name><value>x</value></member></struct></value></param></params></methodResponse>",
         "no Status member"),
        ("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Failure</value></member></struct></value></param></params></methodResponse>",
         "no ErrorDescription"),
        ("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Success</value></member></struct></value></param></params></methodResponse>",
         "no Value member"),
        ("<?xml version=\"1.0\"?><methodResponse><params><param><value><struct><member><name>Status</name><value>Succ",
         "unexpected reply to VM.get_record"),
    ])
    func malformedRepliesGiveAClearProtocolError(body: String, expected: String) throws {
        let transport = FakeTransport { method, _ in
            method == "session.login_with_password" ? Reply.success("OpaqueRef:s1") : Array(body.utf8)
        }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIProtocolError.self) { try session.vm.getRecord(Ref("OpaqueRef:vm")) }
        #expect(error.description.contains(expected))
    }

    @Test(arguments: [
        ("not xml at all", "unexpected reply to VM.get_all_records"),
        (methodResponse("<value>42</value>"), "expected <struct> but found text"),
        (methodResponse(wrapper(("Status", "Success"), ("Value", "x"))), "expected <struct> but found text"),
        (methodResponse(wrapper(("Status", "Failure"))), "no ErrorDescription"),
        (methodResponse(wrapper(("Status", "Success"))), "lacks Status \"Success\" with a Value"),
        (methodResponse(wrapper(("Status", "Exploded"), ("Value", "<struct></struct>"))), "lacks Status"),
        (String(methodResponse(wrapper(("Status", "Success"), ("Value", "<struct></struct>"))).dropLast(30)),
         "input ends at byte"),
    ])
    func malformedRecordMapsGiveAClearProtocolError(body: String, expected: String) throws {
        let transport = FakeTransport { method, _ in
            method == "session.login_with_password" ? Reply.success("OpaqueRef:s1") : Array(body.utf8)
        }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIProtocolError.self) { try session.vm.getAllRecords() }
        #expect(error.method == "VM.get_all_records")
        #expect(error.description.contains(expected))
    }

    @Test func recordMapFailureAndBadRecordsAreReported() throws {
        let transport = FakeTransport { method, params in
            switch method {
            case "session.login_with_password": Reply.success("OpaqueRef:s1")
            case "host.get_all_records": Reply.failure("PERMISSION_DENIED", "host.get_all_records")
            default: Reply.success(.structure(["OpaqueRef:ok": vmStruct(name: "ok"), "OpaqueRef:bad": .structure(["power_state": .int(7)])]))
            }
        }
        let session = try makeSession(transport)
        let failure = try #require(throws: XenAPIError.self) { try session.host.getAllRecords() }
        #expect(failure.code.rawValue == "PERMISSION_DENIED")
        #expect(failure.parameters == ["host.get_all_records"])
        let badRecord = try #require(throws: XenAPIDecodingError.self) { try session.vm.getAllRecords() }
        #expect(badRecord.field == "power_state")
    }

    @Test func recordWithWrongFieldShapeIsADecodingError() throws {
        let transport = FakeTransport { method, _ in
            method == "session.login_with_password"
                ? Reply.success("OpaqueRef:s1") : Reply.success(.structure(["power_state": "Exploded"]))
        }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIDecodingError.self) { try session.vm.getRecord(Ref("OpaqueRef:vm")) }
        #expect(error.field == "power_state")
    }

    @Test func sessionInvalidLogsInAgainAndRetriesOnce() throws {
        let logins = Counter()
        let records = Counter()
        let transport = FakeTransport { method, params in
            if method == "session.login_with_password" { return Reply.success(.string("OpaqueRef:s\(logins.next())")) }
            _ = records.next()
            return params.first == "OpaqueRef:s1"
                ? Reply.failure("SESSION_INVALID", "OpaqueRef:s1") : Reply.success(.structure([:]))
        }
        let session = try makeSession(transport)
        try session.login()
        #expect(try session.vm.getAllRecords().isEmpty)
        #expect(logins.current == 2)
        #expect(records.current == 2)
        #expect(session.sessionReference == "OpaqueRef:s2")
    }

    @Test func sessionInvalidTwiceInARowIsReported() throws {
        let transport = FakeTransport { method, params in
            method == "session.login_with_password"
                ? Reply.success("OpaqueRef:s") : Reply.failure("SESSION_INVALID", params.first?.stringValue ?? "")
        }
        let session = try makeSession(transport)
        let error = try #require(throws: XenAPIError.self) { try session.vm.getAllRecords() }
        #expect(error.code == .sessionInvalid)
        #expect(transport.methods == [
            "session.login_with_password", "VM.get_all_records", "session.login_with_password", "VM.get_all_records",
        ])
    }

    @Test func hostIsSlaveFollowsToTheMasterWithTheSameSchemeAndPort() throws {
        let member = FakeTransport(host: "10.0.0.2") { _, _ in Reply.failure("HOST_IS_SLAVE", "10.0.0.1") }
        let master = FakeTransport(host: "10.0.0.1") { method, _ in
            method == "session.login_with_password" ? Reply.success("OpaqueRef:m") : Reply.success(.structure([:]))
        }
        let session = try XenAPISession(
            url: XenAPIURL(string: "https://10.0.0.2:8443"), credentials: credentials,
            factory: FakeFactory(transports: ["10.0.0.2": member, "10.0.0.1": master]))
        try session.login()
        _ = try session.host.getAllRecords()

        #expect(session.masterURL.description == "https://10.0.0.1:8443")
        #expect(session.poolURL.description == "https://10.0.0.2:8443")
        #expect(member.methods == ["session.login_with_password"])
        #expect(master.methods == ["session.login_with_password", "host.get_all_records"])
    }

    @Test func lostConnectionIsRetriedForReadsButNotForChanges() throws {
        let attempts = Counter()
        let transport = FakeTransport { method, _ in
            if method == "session.login_with_password" { return Reply.success("OpaqueRef:s") }
            if attempts.next() % 2 == 1 {
                throw TransportError(kind: .connectionLost, endpoint: "fake", message: "connection reset")
            }
            return method == "VM.clone" ? Reply.success("OpaqueRef:c") : Reply.success(.structure([:]))
        }
        let session = try makeSession(transport)
        #expect(try session.vm.getAllRecords().isEmpty)
        let error = try #require(throws: TransportError.self) { try session.vm.clone(Ref("OpaqueRef:t"), newName: "x") }
        #expect(error.kind == .connectionLost)
        #expect(transport.methods.filter { $0 == "VM.clone" }.count == 1)
    }

    @Test func logoutForgetsTheSessionAndSendsLogout() throws {
        let transport = FakeTransport { method, _ in
            method == "session.login_with_password" ? Reply.success("OpaqueRef:s") : Reply.void
        }
        let session = try makeSession(transport)
        try session.login()
        session.logout()
        #expect(!session.isLoggedIn)
        #expect(transport.requests.last?.method == "session.logout")
        #expect(transport.requests.last?.params == ["OpaqueRef:s"])
    }

    @Test func logoutGoesOverTheNormalPathAndIsResentAfterALostConnection() throws {
        // A second logout of the same session changes nothing: it is sent like a read (the kept-alive
        // connection, once more after a lost connection), not on a connection of its own.
        let logouts = Counter()
        let transport = FakeTransport { method, _ in
            if method == "session.login_with_password" { return Reply.success("OpaqueRef:s") }
            if method == "session.logout", logouts.next() == 1 {
                throw TransportError(kind: .connectionLost, endpoint: "fake", message: "connection reset")
            }
            return Reply.void
        }
        let session = try makeSession(transport)
        try session.login()
        session.logout()
        #expect(transport.methods == ["session.login_with_password", "session.logout", "session.logout"])
        #expect(!session.isLoggedIn)
    }

    @Test func credentialsNeverPrintThePassword() {
        #expect(!"\(credentials)".contains("s3cret"))
        #expect(!String(reflecting: credentials).contains("s3cret"))
        var dumped = ""
        dump(credentials, to: &dumped)
        #expect(!dumped.contains("s3cret"))
    }
}
