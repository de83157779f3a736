import Foundation
import Simulator
import Testing
import XMLRPC

@Suite struct ConsoleTests {
    @Test func connectAnswersExactlyAndStreamsFAILines() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 200, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, reply) = try LoopbackClient.connectConsole(location: console.location, session: session)
            #expect(reply.text == "HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store\r\n\r\n")
            let text = try stream.receive(until: "Calling task_partition")
            #expect(text.contains("Fully Automatic Installation"))
            // The transcript shows the VM's own PV-args as the kernel command line.
            #expect(text.contains("Kernel command line: console=hvc0 root=/dev/nfs nfsroot=192.168.33.250:/srv/fai/nfsroot boot=live FAI_FLAGS=verbose,sshd FAI_ACTION=install\r\n"))
        }
    }

    @Test func connectRefusesBadSessionsUnknownConsolesAndTheWrongHost() async throws {
        let configuration = SimulatorConfiguration(hosts: ["127.0.0.1", "127.0.0.2"], linesPerSecond: 0)
        try await withSimulator(configuration) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.vm(named: "fai01", session: session)
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (_, unauthorised) = try LoopbackClient.connectConsole(location: console.location, session: "OpaqueRef:bad")
            #expect(unauthorised.status == 401)
            let unknown = console.location.replacingOccurrences(of: "uuid=", with: "uuid=0")
            let (_, notFound) = try LoopbackClient.connectConsole(location: unknown, session: session)
            #expect(notFound.status == 404)
            let resident = try client.field("host", "address", of: try client.field("VM", "resident_on", of: vm, session: session), session: session).stringValue ?? ""
            let other = resident == "127.0.0.1" ? "127.0.0.2" : "127.0.0.1"
            let wrongHost = console.location.replacingOccurrences(of: "//\(resident):", with: "//\(other):")
            let (_, elsewhere) = try LoopbackClient.connectConsole(location: wrongHost, session: session)
            #expect(elsewhere.status == 500)
        }
    }

    @Test func consoleSessionLimitGives503() async throws {
        try await withSimulator { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let pool = try client.value("pool.get_all", [session]).arrayValue?.first ?? ""
            _ = try client.value("pool.set_limit_console_sessions", [session, pool, .bool(true)])
            let console = try client.console(of: try client.vm(named: "fai01", session: session), protocol: "vt100", session: session)
            let (first, ok) = try LoopbackClient.connectConsole(location: console.location, session: session)
            #expect(ok.status == 200)
            let (_, limited) = try LoopbackClient.connectConsole(location: console.location, session: session)
            #expect(limited.status == 503)
            _ = first
        }
    }

    @Test func successfulInstallRebootsIntoTheInstalledSystemWithNewConsoles() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let first = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: first.location, session: session)
            _ = try stream.receive(until: "Restarting system.")
            #expect(try eventually { (try? client.console(of: vm, protocol: "vt100", session: session).ref) != first.ref })
            let second = try client.console(of: vm, protocol: "vt100", session: session)
            #expect(second.location != first.location)
            #expect(try client.field("VM", "power_state", of: vm, session: session) == "Running")
            let (login, _) = try LoopbackClient.connectConsole(location: second.location, session: session)
            // The installed system boots from the disk through pygrub and offers a login prompt.
            try login.send("\r")
            #expect(try login.receive(until: "login: ").contains("login: "))
        }
    }

    @Test func waitingInstallContinuesOnReturn() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            _ = try client.value("VM.add_to_other_config", [session, vm, "xsfai-sim-scenario", "fail-instsoft"])
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: console.location, session: session)
            _ = try stream.receive(until: "Press <RETURN> to reboot.")
            try stream.send("\r")
            // The transcript prints the VM's own host name, not the fixture's (fai02).
            #expect(try stream.receive(until: "Restarting system.").contains("Rebooting fai10 now"))
        }
    }

    @Test func kernelPanicHaltsTheVM() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("fai10", session: session)
            _ = try client.value("VM.add_to_other_config", [session, vm, "xsfai-sim-scenario", "no-nfsroot"])
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: console.location, session: session)
            _ = try stream.receive(until: "Kernel panic - not syncing")
            #expect(try eventually { try client.field("VM", "power_state", of: vm, session: session) == "Halted" })
        }
    }

    @Test func installerPrintsTheVMsHostNameAndTheInstalledSystemKeepsIt() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("Web Server 7", session: session)
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let first = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: first.location, session: session)
            let install = try stream.receive(until: "Restarting system.")
            #expect(install.contains(" host   : web-server-7 "))
            #expect(install.contains("XENSERVER web-server-7 LAST"))
            #expect(install.contains("fai@faiserver:web-server-7/install-"))
            #expect(install.contains("Rebooting web-server-7 now"))
            #expect(!install.contains("fai01"))
            #expect(try eventually { (try? client.console(of: vm, protocol: "vt100", session: session).ref) != first.ref })
            let second = try client.console(of: vm, protocol: "vt100", session: session)
            let (login, _) = try LoopbackClient.connectConsole(location: second.location, session: session)
            try login.send("\r")
            #expect(try login.receive(until: "login: ").contains("web-server-7 login: "))
        }
    }

    @Test func xenCenterBugVMHasTheFAITemplateButEmptyPVArgsAndDropsToTheInitramfsShell() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.vm(named: "fai03", session: session)
            let template = try client.vm(named: "FAI Squeeze 64", session: session)
            #expect(try client.field("VM", "PV_args", of: vm, session: session) == "")
            #expect(try client.field("VM", "PV_bootloader", of: vm, session: session) == "eliloader")
            let config = try client.otherConfig(vm, session: session)
            let templateConfig = try client.otherConfig(template, session: session)
            #expect(config["base_template_name"] == "FAI Squeeze 64")
            for key in ["install-repository", "debian-release", "install-arch", "install-distro"] {
                #expect(config[key] != nil && config[key] == templateConfig[key], "\(key)")
            }
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: console.location, session: session)
            _ = try stream.receive(until: "Gave up waiting for root device.")
            _ = try stream.receive(until: "(initramfs) ")
            try stream.send("ls\r")
            #expect(try stream.receive(until: "(initramfs) ").contains("ls"))
        }
    }
    @Test func droppingConsoleConnectionsClosesTheRelaysButLeavesTheVMRunning() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 40, bootDelay: 0)) { server, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("dropped", session: session)
            let uuid = try client.field("VM", "uuid", of: vm, session: session).stringValue ?? ""
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let console = try client.console(of: vm, protocol: "vt100", session: session)
            let (first, _) = try LoopbackClient.connectConsole(location: console.location, session: session)
            let (second, _) = try LoopbackClient.connectConsole(location: console.location, session: session)
            _ = try first.receive(until: "Fully Automatic Installation")

            #expect(server.dropConsoleConnections(vmUUID: uuid) == 2)
            #expect(Self.isClosedByTheServer(first))
            #expect(Self.isClosedByTheServer(second))
            #expect(try client.field("VM", "power_state", of: vm, session: session) == "Running")
            #expect(try client.console(of: vm, protocol: "vt100", session: session).ref == console.ref)

            // A new CONNECT attaches to the same console and the install goes on.
            let (again, reply) = try LoopbackClient.connectConsole(location: console.location, session: session)
            #expect(reply.status == 200)
            #expect(try again.receive(until: "Calling task_partition").contains("Calling task_partition"))
            #expect(server.dropConsoleConnections(vmUUID: "no-such-uuid") == 0)
        }
    }

    /// Whether the stream ends (EOF, not a read timeout) before any marker that is never printed.
    private static func isClosedByTheServer(_ stream: LoopbackClient) -> Bool {
        do {
            _ = try stream.receive(until: "never printed")
            return false
        } catch {
            return "\(error)".contains("connection closed")
        }
    }
}
