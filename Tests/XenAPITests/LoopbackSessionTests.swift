import CurlTransport
import Dispatch
import Simulator
import Testing
import XenAPI

/// The client against the simulator over real loopback HTTP with libcurl.
@Suite struct LoopbackSessionTests {
    @Test func loginAndListingReadTheSeededPool() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            try session.login()
            defer { session.logout() }

            let vms = try session.vm.getAllRecords()
            let names = Set(vms.values.map(\.nameLabel))
            #expect(names.isSuperset(of: ["Debian Squeeze 6.0 (64-bit)", "FAI Squeeze 64", "fai01", "fai02", "fai03"]))
            let squeeze = try #require(vms.values.first { $0.nameLabel == "Debian Squeeze 6.0 (64-bit)" })
            #expect(squeeze.isATemplate && squeeze.isDefaultTemplate)
            #expect(squeeze.otherConfig["install-distro"] == "debianlike")
            #expect(squeeze.otherConfig["debian-release"] == "squeeze")
            #expect(vms.values.contains { $0.isControlDomain })
            let installed = try #require(vms.values.first { $0.nameLabel == "fai01" })
            #expect(installed.powerState == .running)

            let hosts = try session.host.getAllRecords()
            #expect(hosts[installed.residentOn] != nil)
            let pools = try session.pool.getAllRecords()
            let (poolRef, poolRecord) = try #require(pools.first)
            #expect(try session.pool.getDefaultSR(poolRef) == poolRecord.defaultSR)
            #expect(try session.sr.getAllRecords()[poolRecord.defaultSR] != nil)
            let templates = try session.vm.getAllRecordsWhere(#"field "is_a_template" = "true""#)
            #expect(!templates.isEmpty && templates.values.allSatisfy(\.isATemplate))
        }
    }

    @Test func wrongPasswordFailsAuthentication() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session(password: "wrong")
            let error = try #require(throws: XenAPIError.self) { try session.login() }
            #expect(error.code == .sessionAuthenticationFailed)
        }
    }

    @Test func loginAtAMemberFollowsHostIsSlaveToTheMaster() async throws {
        try await withSimulatedPool(SimulatorConfiguration(hosts: ["127.0.0.1", "127.0.0.2"])) { pool in
            let session = try pool.session(host: 1)
            try session.login()
            defer { session.logout() }
            #expect(session.poolURL.host == "127.0.0.2")
            #expect(session.masterURL.host == "127.0.0.1")
            #expect(session.masterURL.port == session.poolURL.port)
            #expect(try session.host.getAllRecords().count == 2)
        }
    }

    @Test func expiredSessionsLogInAgainTransparently() async throws {
        try await withSimulatedPool(SimulatorConfiguration(faults: [.expireSessions(afterCalls: 2)])) { pool in
            let session = try pool.session()
            try session.login()
            let first = session.sessionReference
            for _ in 0..<5 { _ = try session.host.getAllRecords() }
            #expect(session.sessionReference != first)
        }
    }

    @Test func parameterChangesAreStoredAndDuplicateKeysRefused() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let vm = try session.vm(named: "fai03")
            try session.vm.setPVArgs(vm, "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install")
            try session.vm.setNameDescription(vm, "rebuilt by xsfai")
            try session.vm.setOtherConfigKey(vm, key: "install-repository", value: "http://mirror.example/debian")
            try session.vm.addToOtherConfig(vm, key: "xsfai-note", value: "one")
            let duplicate = try #require(throws: XenAPIError.self) {
                try session.vm.addToOtherConfig(vm, key: "xsfai-note", value: "two")
            }
            #expect(duplicate.code == .mapDuplicateKey)
            try session.vm.removeFromOtherConfig(vm, key: "xsfai-note")

            let record = try session.vm.getRecord(vm)
            #expect(record.pvArgs == "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install")
            #expect(record.nameDescription == "rebuilt by xsfai")
            #expect(record.otherConfig["install-repository"] == "http://mirror.example/debian")
            #expect(record.otherConfig["xsfai-note"] == nil)
            #expect(try session.vm.getByUUID(record.uuid) == vm)
            let unknown = try #require(throws: XenAPIError.self) { try session.vm.getByUUID("no-such-uuid") }
            #expect(unknown.code == .uuidInvalid)
        }
    }

    @Test func cloneProvisionAndStartRunTheInstallOnAHostWithConsoles() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let vm = try session.install(from: "FAI Squeeze 64", name: "web7")
            var record = try session.vm.getRecord(vm)
            #expect(!record.isATemplate)
            #expect(record.powerState == .halted)
            #expect(!record.vbds.isEmpty)

            try session.vm.start(vm)
            record = try session.vm.getRecord(vm)
            #expect(record.powerState == .running)
            #expect(!record.residentOn.isNull)
            let consoles = try record.consoles.map { try session.console.getRecord($0) }
            #expect(Set(consoles.map(\.protocol)) == [.vt100, .rfb])
            let started = try #require(throws: XenAPIError.self) { try session.vm.start(vm) }
            #expect(started.code == .vmBadPowerState)

            try session.vm.hardShutdown(vm)
            #expect(try session.vm.getRecord(vm).consoles.isEmpty)
            try session.vm.destroy(vm)
            #expect(try session.vm.getByNameLabel("web7").isEmpty)
        }
    }

    @Test func copyMakesAFullCopyOnTheDefaultSR() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let (_, poolRecord) = try #require(try session.pool.getAllRecords().first)
            let copy = try session.vm.copy(try session.vm(named: "FAI Squeeze 64"), newName: "FAI copy", sr: poolRecord.defaultSR)
            #expect(try session.vm.getRecord(copy).nameLabel == "FAI copy")
        }
    }

    @Test func startWithAMissingInstallerFileFailsWithBootloaderFailed() async throws {
        let missing = "dists/squeeze/main/installer-amd64/current/images/netboot/xen/initrd.gz"
        try await withSimulatedPool(SimulatorConfiguration(missingRepositoryFiles: [missing])) { pool in
            let session = try pool.session()
            let vm = try session.install(from: "FAI Squeeze 64", name: "web8")
            let error = try #require(throws: XenAPIError.self) { try session.vm.start(vm) }
            #expect(error.code == .bootloaderFailed)
            #expect(try session.vm.getRecord(vm).powerState == .halted)
        }
    }

    @Test func startOfAnAbortedInstallFailsInPygrub() async throws {
        try await withSimulatedPool() { pool in
            let session = try pool.session()
            let error = try #require(throws: XenAPIError.self) { try session.vm.start(try session.vm(named: "fai02")) }
            #expect(error.code == .bootloaderFailed)
        }
    }
}

/// One session used from several threads at once.
@Suite struct LoopbackConcurrencyTests {
    @Test func concurrentCallsOnOneSessionAllSucceed() async throws {
        try await withSimulatedPool { pool in
            let session = try pool.session()
            try session.login()
            let vm = try session.vm(named: "fai01")
            let failures = Counter()
            DispatchQueue.concurrentPerform(iterations: 8) { _ in
                for _ in 0..<25 {
                    if (try? session.vm.getRecord(vm).nameLabel) != "fai01" { _ = failures.next() }
                }
            }
            #expect(failures.current == 0)
        }
    }
}
