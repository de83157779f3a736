import FAIControl
import Foundation
import Simulator
import Testing
import XenAPI

/// The `xsfai` binary against a simulator with faults: interrupted change sets, lost replies.
@Suite struct CLIChangeSafetyTests {
    typealias CLI = CLIRunEndToEndTests

    /// Starts `xsfai rearm fai02`, waits until its intent is journaled and the first write went out,
    /// then kills it with SIGKILL before the second write (every reply is held back 1.5 s).
    func killRearmBetweenItsWrites(_ pool: LoopbackPool, state: String) throws {
        pool.server.setFaults([.delayReplies(milliseconds: 1500)])
        defer { pool.server.setFaults([]) }
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["rearm", "fai02"]
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        environment["XDG_STATE_HOME"] = state
        process.environment = environment
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, !Self.journalHasIntent(state) { Thread.sleep(forTimeInterval: 0.01) }
        Thread.sleep(forTimeInterval: 0.4)  // the first write reaches the pool; its reply is held back
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
    }

    static func journalHasIntent(_ state: String) -> Bool {
        let folder = state + "/xsfai"
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.contains { name in
            name.hasPrefix("journal-") && ((try? String(contentsOfFile: folder + "/" + name, encoding: .utf8)) ?? "").contains(#""kind":"intent""#)
        }
    }

    func fai02(_ pool: LoopbackPool) throws -> VMRecord {
        try pool.session.vm.getRecord(try pool.session.ref(named: "fai02"))
    }

    @Test(arguments: ["--complete", "--roll-back"])
    func aRearmKilledBetweenItsWritesIsReportedAndDecided(_ decision: String) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        try killRearmBetweenItsWrites(pool, state: state)
        let half = try fai02(pool)
        #expect(half.pvBootloader == "eliloader")
        #expect(half.otherConfig["install-distro"] == nil)

        let next = try CLI.run(["journal"], pool: pool, state: state)
        #expect(next.stderr.contains("interrupted rearm of fai02 (change set 1): 1 of 2 changes applied"), "\(next.stderr)")
        #expect(next.stderr.contains("xsfai journal --complete 1"))
        let refused = try CLI.run(["vm-set", "fai02", "name-description=x"], pool: pool, state: state)
        #expect(refused.status == 6)
        #expect(refused.stderr.contains("Nothing new is written to this pool until that is decided"))

        let decided = try CLI.run(["journal", decision, "1"], pool: pool, state: state)
        #expect(decided.status == 0, "\(decided.stderr)")
        let after = try fai02(pool)
        if decision == "--complete" {
            #expect(after.pvBootloader == "eliloader")
            #expect(after.otherConfig["install-distro"] == "debianlike")
        } else {
            #expect(after.pvBootloader == "pygrub")
            #expect(after.otherConfig["install-distro"] == nil)
        }
        let clean = try CLI.run(["journal"], pool: pool, state: state)
        #expect(clean.status == 0)
        #expect(!clean.stderr.contains("interrupted"))
        #expect(try CLI.run(["vm-set", "fai02", "name-description=x"], pool: pool, state: state).status == 0)
    }

    @Test func aLostCloneReplyMakesOneVM() async throws {
        let pool = try await LoopbackPool.start(
            SimulatorConfiguration(linesPerSecond: 3000, bootDelay: 2, faults: [.loseReply(method: "VM.clone", nthCall: 1)]))
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let installed = try CLI.run(["install", "FAI Squeeze 64", "--name", "web07"], pool: pool, state: state)
        #expect(installed.status == 0, "\(installed.stderr)")
        #expect(try pool.session.vm.getByNameLabel("web07").count == 1)
        let all = try pool.session.allVMRecords().values
        #expect(!all.contains { $0.nameLabel.hasPrefix("xsfai-pending-") })
        let again = try CLI.run(["install", "FAI Squeeze 64", "--name", "web07"], pool: pool, state: state)
        #expect(again.status == 6)
        #expect(again.stderr.contains("--allow-duplicate-name"))
        #expect(try pool.session.vm.getByNameLabel("web07").count == 1)
    }

    @Test func valuesAreCheckedBeforeAnyPlan() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let before = try fai02(pool)
        let badRepo = try CLI.run(["vm-set", "fai02", "other-config:install-repository=htp:/bad"], pool: pool, state: state)
        #expect(badRepo.status == 2)
        #expect(badRepo.stderr.contains("not a repository eliloader accepts"))
        let badURL = try CLI.run(["install", "FAI Squeeze 64", "--name", "web08", "--repo", "notaurl"], pool: pool, state: state)
        #expect(badURL.status == 2)
        let noFAI = try CLI.run(["vm-set", "fai02", "PV-args=quiet console=hvc0"], pool: pool, state: state)
        #expect(noFAI.status == 6)
        #expect(noFAI.stderr.contains("--force"))
        let typo = try CLI.run(["vm-set", "fai02", "PV-arg=quiet"], pool: pool, state: state)
        #expect(typo.status == 2)
        #expect(typo.stderr.contains("did you mean PV-args?"))
        #expect(try fai02(pool) == before)
        let forced = try CLI.run(["vm-set", "fai02", "PV-args=quiet console=hvc0", "--force"], pool: pool, state: state)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try fai02(pool).pvArgs == "quiet console=hvc0")
    }
}
