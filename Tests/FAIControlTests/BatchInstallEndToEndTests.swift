import FAIMonitor
import FAIMonitorServer
import Foundation
import Simulator
import Testing
import XenAPI

/// `install --names … --start --watch` on a batch, the worst verdict as exit code, and
/// `rearm --failed --start` bringing the failed ones to success.
@Suite struct BatchInstallEndToEndTests {
    @Test func aBatchIsWatchedToItsWorstVerdictAndTheFailedOnesRearmed() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = temporaryStateFolder()
        let template = try pool.session.ref(named: "FAI Squeeze 64")

        let good = try CLIRunEndToEndTests.run(
            ["install", "FAI Squeeze 64", "--names", "ok[1-3]", "--watch", "--timeout", "90"], pool: pool, state: state, limit: 120)
        #expect(good.status == 0, "\(good.stderr)")
        #expect(good.stdout.contains("Created 3 of 3 VMs"))
        for name in ["ok1", "ok2", "ok3"] { #expect(good.stdout.contains("\(name): FAI install succeeded"), "\(good.stdout)") }

        // The next batch clones a template whose transcript fails in instsoft.
        try pool.session.vm.addToOtherConfig(template, key: "xsfai-sim-scenario", value: "fail-instsoft")
        let bad = try CLIRunEndToEndTests.run(
            ["install", "FAI Squeeze 64", "--name", "bad1", "--name", "bad2", "--watch", "--timeout", "90"],
            pool: pool, state: state, limit: 120)
        #expect(bad.status == 3, "\(bad.stdout)\(bad.stderr)")
        #expect(bad.stdout.contains("bad1: FAI failed in instsoft (472)"), "\(bad.stdout)")
        #expect(!bad.stderr.contains("\u{1B}["))  // piped: plain lines, no cursor movement

        // Fixed at the source: rearm only the failed ones and start them.
        for name in ["bad1", "bad2"] {
            try pool.session.vm.removeFromOtherConfig(try pool.session.ref(named: name), key: "xsfai-sim-scenario")
        }
        // Their second attempt reports to a monitor, which tells the verdicts.
        let service = FAIMonitorService()
        let listener = FAIMonitorListener(host: "127.0.0.1", port: 0) { service.receive($0) }
        let port = try listener.start()
        defer { listener.stop() }
        let rearmed = try CLIRunEndToEndTests.run(
            ["rearm", "--failed", "--start", "--monitor", "127.0.0.1:\(port)"], pool: pool, state: state)
        #expect(rearmed.status == 0, "\(rearmed.stderr)")
        #expect(rearmed.stdout.contains("Rearming 2 VMs whose last install failed: bad1, bad2"), "\(rearmed.stdout)")
        #expect(!rearmed.stdout.contains("ok1"))
        // FAI_SENDID=mac: each guest reports under the MAC of the VIF its install gave it.
        let senders = try ["bad1", "bad2"].map { try #require(try pool.mac(of: $0)) }
        let deadline = Date().addingTimeInterval(90)
        while Date() < deadline, !senders.allSatisfy({ service.fleet.verdict(of: $0)?.isDecided == true }) {
            try await Task.sleep(for: .milliseconds(100))
        }
        #expect(service.fleet.verdict(of: senders[0]) == .succeeded)
        #expect(service.fleet.verdict(of: senders[1]) == .succeeded)
        let nothing = try CLIRunEndToEndTests.run(["rearm", "--failed", "--dry-run"], pool: pool, state: state)
        #expect(nothing.stdout.contains("Rearming 2 VMs"))  // the ledger is updated by install --watch, not console
    }
}
