import Foundation
import Simulator
import Testing
import XenAPI
import TestScratch

/// `xsfai console` follows the console through what a real pool does to it: connections dropped on
/// the way, a toolstack restart (every session lost), and reboots.
@Suite struct CLIConsoleReattachTests {
    typealias CLI = CLIRunEndToEndTests

    /// Creates `name` from the FAI template (not started) and returns the path of a fresh capture file.
    static func prepareInstall(_ name: String, pool: LoopbackPool, state: String) throws -> String {
        let created = try CLI.run(["install", "FAI Squeeze 64", "--name", name], pool: pool, state: state)
        #expect(created.status == 0, "\(created.stderr)")
        return Scratch.path("xsfai-capture", suffix: ".log")
    }

    @Test func untilDoneSeesTheWholeInstallThroughDroppedConnections() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(
            linesPerSecond: 60, bootDelay: 3, faults: [.dropConsoleRelays(afterBytes: 1500)]))
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let log = try Self.prepareInstall("fai41", pool: pool, state: state)
        let result = try CLI.runThenStart(
            "fai41", ["console", "fai41", "--until-done", "--timeout", "90", "--log", log], pool: pool, state: state, limit: 120)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("fai41: FAI install succeeded"), "\(result.stdout)")
        let reattached = result.stderr.components(separatedBy: "fai41: console reattached").count - 1
        #expect(reattached >= 2, "\(result.stderr)")
        let capture = try String(contentsOfFile: log, encoding: .utf8)
        #expect(capture.contains("Linux version"), "the capture misses the start of the install")
        #expect(capture.contains("console reattached"))
    }

    @Test func untilDoneSurvivesAToolstackRestartMidInstall() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 6, bootDelay: 1))
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let log = try Self.prepareInstall("fai42", pool: pool, state: state)
        let box = SharedBox<CLI.Result>()
        Thread {
            if let result = try? CLI.runThenStart(
                "fai42", ["console", "fai42", "--until-done", "--timeout", "90", "--log", log], pool: pool, state: state, limit: 120)
            {
                box.set(result)
            }
        }.start()
        // Wait until the install is under way (FAI's first task on the console), then restart the
        // toolstack for 2 s: what the guest prints meanwhile is gone (no replay), so the install is
        // slow enough for that to be a few lines of the middle. Threads, not tasks: a busy run starves
        // the cooperative pool.
        let server = pool.server
        let restarted = SharedBox<String>()
        Thread {
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                if let capture = try? String(contentsOfFile: log, encoding: .utf8), capture.contains("Calling task_") { break }
                Thread.sleep(forTimeInterval: 0.05)
            }
            do {
                try server.restartToolstack(downtime: .seconds(2))
                restarted.set("restarted")
            } catch {
                restarted.set("restart failed: \(error)")
            }
        }.start()
        let end = Date().addingTimeInterval(180)
        while box.get() == nil, Date() < end { try await Task.sleep(for: .milliseconds(200)) }
        #expect(restarted.get() == "restarted")
        let result = try #require(box.get())
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("fai42: FAI install succeeded"), "\(result.stdout)")
        #expect(result.stderr.contains("fai42: console lost, reattaching in"), "\(result.stderr)")
        #expect(result.stderr.contains("fai42: console reattached"), "\(result.stderr)")
    }

    @Test func aRebootIsFollowedToTheNewConsole() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 200, bootDelay: 0.5))
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let uuid = try pool.session.vm.getRecord(try pool.session.ref(named: "fai01")).uuid
        let server = pool.server
        DispatchQueue.global().asyncAfter(deadline: .now() + 4) { server.rebootGuest(vmUUID: uuid) }
        // Piped, the console relays until killed: 15 s is ample for the attach, the reboot and the new boot.
        let result = try CLI.run(["console", "fai01"], pool: pool, state: state, limit: 15)
        #expect(result.stderr.contains("fai01: the VM rebooted; attaching to the new console"), "\(result.stderr)")
        #expect(result.stderr.contains("fai01: attached to console 2"), "\(result.stderr)")
        #expect(result.stdout.contains("login:"), "nothing from the new console: \(result.stdout)")
    }
}
