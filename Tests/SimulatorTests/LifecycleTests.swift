import Foundation
import Simulator
import Testing
import XMLRPC

@Suite struct LifecycleTests {
    @Test func startRunsEliloaderOnceAndCreatesConsolesOnTheResidentHost() async throws {
        let configuration = SimulatorConfiguration(hosts: ["127.0.0.1", "127.0.0.2"], linesPerSecond: 0, bootDelay: 5)
        try await withSimulator(configuration) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            #expect(try client.field("VM", "PV_bootloader", of: vm, session: session) == "eliloader")
            #expect(try client.value("VM.get_consoles", [session, vm]).arrayValue == [])
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            #expect(try client.field("VM", "power_state", of: vm, session: session) == "Running")
            #expect(try client.field("VM", "PV_bootloader", of: vm, session: session) == "pygrub")
            let config = try client.otherConfig(vm, session: session)
            #expect(config["install-distro"] == nil)
            #expect(config["install-repository"] != nil && config["debian-release"] == "squeeze")
            let host = try client.field("VM", "resident_on", of: vm, session: session)
            let address = try client.field("host", "address", of: host, session: session).stringValue ?? ""
            let vt100 = try client.console(of: vm, protocol: "vt100", session: session)
            let rfb = try client.console(of: vm, protocol: "rfb", session: session)
            #expect(vt100.location.hasPrefix("http://\(address):\(port)/console?uuid="))
            #expect(rfb.location.hasPrefix("http://\(address):\(port)/console?uuid="))
            _ = try client.value("VM.hard_shutdown", [session, vm])
            #expect(try client.value("VM.get_consoles", [session, vm]).arrayValue == [])
            #expect(try client.failure("console.get_record", [session, .string(vt100.ref)]).first == "HANDLE_INVALID")
        }
    }

    @Test func missingRepositoryFileFailsTheStart() async throws {
        let missing = "dists/squeeze/main/installer-amd64/current/images/netboot/xen/initrd.gz"
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, missingRepositoryFiles: [missing])) { server, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            let failure = try client.failure("VM.start", [session, vm, .bool(false), .bool(false)])
            #expect(failure.first == "BOOTLOADER_FAILED")
            #expect(failure.dropFirst().first == vm.stringValue)
            #expect(failure.last?.contains(server.repositoryURL + "/" + missing) == true)
            #expect(try client.field("VM", "power_state", of: vm, session: session) == "Halted")
            #expect(try client.field("VM", "PV_bootloader", of: vm, session: session) == "eliloader")
        }
    }

    @Test func pygrubWithAnEmptyDiskFailsTheStart() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let aborted = try client.vm(named: "fai02", session: session)
            let failure = try client.failure("VM.start", [session, aborted, .bool(false), .bool(false)])
            #expect(failure == ["BOOTLOADER_FAILED", aborted.stringValue ?? "", "Unable to find partition containing kernel"])
        }
    }

    @Test func eliloaderNeedsTheRepositoryAndDebianKeys() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let template = try client.vm(named: "Debian Squeeze 6.0 (64-bit)", session: session)
            let vm = try client.value("VM.clone", [session, template, "bare"])
            _ = try client.value("VM.provision", [session, vm])
            #expect(try client.failure("VM.start", [session, vm, .bool(false), .bool(false)]).first == "BOOTLOADER_FAILED")
            _ = try client.value("VM.add_to_other_config", [session, vm, "install-repository", "http://deb.debian.org/debian"])
            let unreachable = try client.failure("VM.start", [session, vm, .bool(false), .bool(false)])
            #expect(unreachable.last?.contains("http://deb.debian.org/debian/dists/squeeze/main/installer-amd64/current/images/netboot/xen/vmlinuz") == true)
        }
    }

    @Test func hardShutdownDuringTheInstallLeavesTheAbortedState() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 5, bootDelay: 0)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            _ = try client.value("VM.hard_shutdown", [session, vm])
            #expect(try client.field("VM", "PV_bootloader", of: vm, session: session) == "pygrub")
            #expect(try client.otherConfig(vm, session: session)["install-distro"] == nil)
            #expect(try client.failure("VM.start", [session, vm, .bool(false), .bool(false)]).first == "BOOTLOADER_FAILED")
        }
    }

    @Test func asyncCallsReturnATaskWithTheResult() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let template = try client.vm(named: "FAI Squeeze 64", session: session)
            let task = try client.value("Async.VM.clone", [session, template, "async-clone"])
            #expect(try client.value("task.get_status", [session, task]) == "success")
            let result = try client.value("task.get_result", [session, task]).stringValue ?? ""
            let clone = try client.vm(named: "async-clone", session: session)
            #expect(result == "<value>\(clone.stringValue ?? "")</value>")
            let failing = try client.value("Async.VM.start", [session, template, .bool(false), .bool(false)])
            #expect(try client.value("task.get_status", [session, failing]) == "failure")
            #expect(try client.value("task.get_error_info", [session, failing]).stringArrayValue?.first == "VM_IS_TEMPLATE")
            _ = try client.value("task.destroy", [session, task])
        }
    }

    @Test func copyToAnotherSRAndStartOnAChosenHost() async throws {
        let configuration = SimulatorConfiguration(hosts: ["127.0.0.1", "127.0.0.3"], linesPerSecond: 0, bootDelay: 5)
        try await withSimulator(configuration) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let source = try client.vm(named: "fai01", session: session)
            #expect(try client.failure("VM.copy", [session, source, "copy", "OpaqueRef:NULL"]).first == "VM_BAD_POWER_STATE")
            let halted = try client.vm(named: "fai02", session: session)
            let iso = try client.value("SR.get_by_name_label", [session, "ISO library"]).arrayValue?.first ?? ""
            #expect(try client.failure("VM.copy", [session, halted, "copy", iso]) == ["OPERATION_NOT_ALLOWED", "Cannot copy a VM's disks to an ISO SR"])
            let copy = try client.value("VM.copy", [session, halted, "copy", "OpaqueRef:NULL"])
            #expect(try client.value("VM.get_VBDs", [session, copy]).arrayValue?.count == 1)
            let hosts = try client.value("host.get_all", [session]).stringArrayValue ?? []
            let member = try #require(hosts.first { (try? client.field("host", "address", of: .string($0), session: session)) == "127.0.0.3" })
            let fresh = try client.installFromFAITemplate("placed", session: session)
            _ = try client.value("VM.start_on", [session, fresh, .string(member), .bool(false), .bool(false)])
            #expect(try client.field("VM", "resident_on", of: fresh, session: session) == .string(member))
            #expect(try client.console(of: fresh, protocol: "vt100", session: session).location.hasPrefix("http://127.0.0.3:\(port)/console?uuid="))
        }
    }

    @Test func guestHooksRebootOrCrashOnlyRunningVMs() async throws {
        try await withSimulator { server, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let running = try client.vm(named: "fai01", session: session)
            let uuid = try client.field("VM", "uuid", of: running, session: session).stringValue ?? ""
            let consoleBefore = try client.console(of: running, protocol: "vt100", session: session).ref

            #expect(server.rebootGuest(vmUUID: uuid))
            #expect(try client.field("VM", "power_state", of: running, session: session) == "Running")
            #expect(try client.console(of: running, protocol: "vt100", session: session).ref != consoleBefore)

            #expect(server.crashGuest(vmUUID: uuid))
            #expect(try client.field("VM", "power_state", of: running, session: session) == "Halted")
            #expect(try client.value("VM.get_consoles", [session, running]).arrayValue == [])
            #expect(!server.rebootGuest(vmUUID: uuid))
            #expect(!server.crashGuest(vmUUID: "no-such-uuid"))
        }
    }
}
