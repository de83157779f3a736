import Foundation
import Simulator
import Testing
import XMLRPC

/// The guest matches the template it boots (release, architecture, kernel, FAI class) and answers
/// typed input: a login prompt that echoes and lets root in.
@Suite struct GuestTranscriptTests {
    @Test func aSqueezeAmd64InstallPrintsSqueezeAmd64AndItsSystemLetsRootLogIn() async throws {
        try await withSimulator(SimulatorConfiguration(linesPerSecond: 0, bootDelay: 1.5)) { _, port in
            let client = try LoopbackClient.master(port)
            let session = try client.login()
            let vm = try client.installFromFAITemplate("sq64", session: session)
            let config = try client.otherConfig(vm, session: session)
            #expect(config["debian-release"] == "squeeze" && config["install-arch"] == "amd64")
            _ = try client.value("VM.start", [session, vm, .bool(false), .bool(false)])
            let first = try client.console(of: vm, protocol: "vt100", session: session)
            let (stream, _) = try LoopbackClient.connectConsole(location: first.location, session: session)
            let install = try stream.receive(until: "Restarting system.")
            #expect(install.contains("Linux version 2.6.32-5-xen-amd64 (Debian 2.6.32-48squeeze6)"))
            #expect(install.contains("Kernel currently running: Linux 2.6.32-5-xen-amd64 x86_64 GNU/Linux"))
            #expect(install.contains("DEFAULT LINUX AMD64 FAIBASE"))
            #expect(!install.contains("lenny") && !install.contains("686") && !install.contains("I386"), "a Lenny i386 line is left")

            #expect(try eventually { (try? client.console(of: vm, protocol: "vt100", session: session).ref) != first.ref })
            let second = try client.console(of: vm, protocol: "vt100", session: session)
            let (guest, _) = try LoopbackClient.connectConsole(location: second.location, session: session)
            let boot = try guest.receive(until: "sq64 login: ")
            #expect(boot.contains("Debian GNU/Linux 6.0 sq64 hvc0"))
            try guest.send("bob\r")
            _ = try guest.receive(until: "Password: ")
            try guest.send("secret\r")
            let refused = try guest.receive(until: "sq64 login: ")
            #expect(refused.contains("Login incorrect") && !refused.contains("secret"), "the password is not echoed")
            try guest.send("root\r")
            #expect(try guest.receive(until: "Password: ").contains("root"), "the user name is echoed")
            try guest.send("fai\r")
            _ = try guest.receive(until: "root@sq64:~# ")
            try guest.send("uname -r\r")
            #expect(try guest.receive(until: "root@sq64:~# ").contains("2.6.32-5-xen-amd64"))
            try guest.send("exit\r")
            _ = try guest.receive(until: "sq64 login: ")
        }
    }
}
