import CurlTransport
import FAIControl
import Simulator
import Testing
import XenAPI

@Suite struct PreflightEndToEndTests {
    static let kernel = "dists/squeeze/main/installer-amd64/current/images/netboot/xen/vmlinuz"

    @Test func customTemplatePasses() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (_, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let report = Preflight(prober: CurlURLProber(timeout: .seconds(5)))
            .run(template, hosts: Array(try pool.session.host.getAllRecords().values))
        #expect(report.passed, "\(report.checks.filter { $0.status != .pass })")
    }

    @Test func repositoryMissingVmlinuzFails() async throws {
        let pool = try await LoopbackPool.start(
            SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 1, missingRepositoryFiles: [Self.kernel]))
        defer { Task { await pool.stop() } }
        let (_, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let report = Preflight(prober: CurlURLProber(timeout: .seconds(5))).run(template, hosts: [])
        #expect(!report.passed)
        let repository = template.otherConfig["install-repository"] ?? ""
        #expect(report.checks.filter { $0.status == .fail } == [
            PreflightCheck("kernel URL", .fail, "\(repository)/\(Self.kernel): HTTP 404")
        ])
    }

    @Test func xenCenterBugVMWithEmptyPVArgsFailsOnConsoleAndFAIArguments() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let (_, vm) = try pool.resolver().resolve("fai03", kind: .vm)
        let report = Preflight(prober: CurlURLProber(timeout: .seconds(5))).run(vm, hosts: [])
        #expect(report.checks.filter { $0.status == .fail }.map(\.name) == ["PV-args console", "PV-args NFS root", "PV-args FAI_ACTION"])
    }
}
