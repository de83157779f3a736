import FAIMonitor
import FAIMonitorServer
import Foundation
import Simulator
import Testing
import XenAPI

/// Simulated guests whose PV-args name a monitor report to it as FAI's sendmon does, timed with
/// their console: xsfai's listener sees each install's tasks and verdict.
@Suite struct SimulatedMonitorTests {
    @Test func guestsReportTheirTranscriptsTasksAndCodesToTheMonitor() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let service = FAIMonitorService()
        let listener = FAIMonitorListener(host: "127.0.0.1", port: 0) { service.receive($0) }
        let port = try listener.start()
        defer { listener.stop() }
        let state = temporaryStateFolder()
        for (name, scenario) in [("web01", "success"), ("web02", "fail-instsoft"), ("web03", "fail-partition"), ("web04", "no-nfsroot")] {
            let made = try CLIRunEndToEndTests.run(
                ["install", "FAI Squeeze 64", "--name", name, "--monitor", "127.0.0.1:\(port)"], pool: pool, state: state)
            #expect(made.status == 0, "\(made.stderr)")
            let ref = try pool.session.ref(named: name)
            try pool.session.vm.addToOtherConfig(ref, key: "xsfai-sim-scenario", value: scenario)
            try pool.session.vm.start(ref)
        }
        // FAI_SENDID=mac (what --monitor adds): each guest reports under its VIF's MAC.
        var sender: [String: String] = [:]
        for name in ["web01", "web02", "web03", "web04"] { sender[name] = try #require(try pool.mac(of: name)) }
        let web = { (name: String) in sender[name] ?? name }
        let deadline = Date().addingTimeInterval(60)
        func decided() -> Bool { ["web01", "web02", "web03"].allSatisfy { service.fleet.verdict(of: web($0))?.isDecided == true } }
        while Date() < deadline && !decided() { try await Task.sleep(for: .milliseconds(100)) }
        let fleet = service.fleet
        #expect(fleet.verdict(of: web("web01")) == .succeeded)
        #expect(fleet.verdict(of: web("web02")) == .failed(task: "instsoft", code: 472, stopped: false))
        #expect(fleet[web("web02")]?.tasks.first { $0.name == "configure" }?.code == 420)
        #expect(fleet.verdict(of: web("web03")) == .failed(task: "partition", code: 710, stopped: true))
        #expect(fleet[web("web04")] == nil)  // never reached FAI: nothing sent
        #expect(fleet[web("web01")]?.attempt == 1)
        #expect(fleet[web("web01")]?.tasks.map(\.name).prefix(5) == ["confdir", "setup", "defclass", "defvar", "action"])
    }
}
