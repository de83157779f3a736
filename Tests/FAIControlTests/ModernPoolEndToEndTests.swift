import Foundation
import Simulator
import Testing
import XenAPI

/// On a pool without eliloader (XCP-ng 8.3) install, rearm and preflight say so before writing.
@Suite struct ModernPoolEndToEndTests {
    @Test func xcpng83RefusesThePVInstallPathBeforeWriting() async throws {
        let pool = try await LoopbackPool.start(SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 1, platform: .xcpng83))
        defer { Task { await pool.stop() } }
        let state = temporaryStateFolder()
        let before = try pool.session.allVMRecords()

        let install = try CLIRunEndToEndTests.run(["install", "FAI Squeeze 64", "--name", "web01"], pool: pool, state: state)
        #expect(install.status == 6)
        #expect(install.stderr.contains("PV install path is unavailable on this pool"))
        #expect(install.stderr.contains("XCP-ng 8.3.0"))
        let batch = try CLIRunEndToEndTests.run(["install", "FAI Squeeze 64", "--names", "w[1-3]"], pool: pool, state: state)
        #expect(batch.status == 6)
        let rearm = try CLIRunEndToEndTests.run(["rearm", "fai02"], pool: pool, state: state)
        #expect(rearm.status == 6)
        #expect(rearm.stderr.contains("linux-guest-loader"))
        let preflight = try CLIRunEndToEndTests.run(["preflight", "FAI Squeeze 64"], pool: pool, state: state)
        #expect(preflight.status == 1)
        #expect(preflight.stdout.split(separator: "\n").contains { $0.hasPrefix("eliloader") && $0.contains("FAIL") && $0.contains("XCP-ng 8.3.0") })

        let after = try pool.session.allVMRecords()
        #expect(after.count == before.count)
        #expect(after.values.map(\.pvBootloader).sorted() == before.values.map(\.pvBootloader).sorted())
        // The simulator models the platform: a start with eliloader fails as on XCP-ng 8.3.
        #expect(throws: XenAPIError.self) { try pool.session.vm.start(try pool.session.ref(named: "fai03")) }
    }
}
