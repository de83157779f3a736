import Foundation
import Simulator
import Testing
import XenAPI

/// `--monitor ADDR:PORT` on install and rearm adds FAI's monitor variables to PV-args, in the plan
/// like any change, written through the controller and read back.
@Suite struct MonitorArgumentsEndToEndTests {
    @Test func installAndRearmAddMonitorArgumentsShownInThePlan() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = temporaryStateFolder()

        let installed = try CLIRunEndToEndTests.run(
            ["install", "FAI Squeeze 64", "--name", "web01", "--monitor", "10.0.0.5:4711"], pool: pool, state: state)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(installed.stdout.contains("FAI_MONITOR_PORT=4711 FAI_SENDID=mac\" (monitor)"))
        let vm = try pool.session.ref(named: "web01")
        let args = try pool.session.vm.getRecord(vm).pvArgs
        #expect(args.hasSuffix(" monserver=10.0.0.5 FAI_MONITOR_PORT=4711 FAI_SENDID=mac"))
        #expect(args.contains("FAI_ACTION=install"))

        let plan = try CLIRunEndToEndTests.run(["rearm", "fai02", "--monitor", "127.0.0.1:4712", "--dry-run"], pool: pool, state: state)
        #expect(plan.status == 0, "\(plan.stderr)")
        #expect(plan.stdout.contains("PV-args"))
        #expect(plan.stdout.contains("monserver=127.0.0.1 FAI_MONITOR_PORT=4712 FAI_SENDID=mac"))
        #expect(try !pool.session.vm.getRecord(try pool.session.ref(named: "fai02")).pvArgs.contains("monserver="))

        let bad = try CLIRunEndToEndTests.run(["rearm", "fai02", "--monitor", "nohost"], pool: pool, state: state)
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("bad monitor address"))
    }
}
