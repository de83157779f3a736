import Foundation
import Simulator
import Testing
import XenAPI

/// `install` and `template-copy` plan first: `--dry-run` prints the plan the controller runs (every
/// step, its calls and the xe commands) and writes nothing; the real run journals those same steps.
@Suite struct CreationPlanEndToEndTests {
    typealias CLI = CLIRunEndToEndTests

    /// The `steps` of a `--dry-run --json` plan.
    static func steps(ofPlan json: String) throws -> [[String: Any]] {
        let plan = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        return plan?["steps"] as? [[String: Any]] ?? []
    }

    /// A journal step as `operation-or-parameter=new`, without the object (its UUID is the placeholder
    /// in a plan and the clone's in the journal).
    static func shape(_ step: [String: Any]) -> String {
        let parameter = step["parameter"].map { "\($0)" }
        return [parameter ?? step["operation"] as? String ?? "?", step["new"] as? String, step["device"] as? String, step["network"] as? String]
            .compactMap { $0 }.joined(separator: "|")
    }

    /// The steps of the journal's newest change set.
    static func newestJournalSteps(state: String, pool: LoopbackPool) throws -> [[String: Any]] {
        let journal = try CLI.run(["journal", "--json"], pool: pool, state: state)
        let sets = try JSONSerialization.jsonObject(with: Data(journal.stdout.utf8)) as? [[String: Any]]
        return sets?.last?["steps"] as? [[String: Any]] ?? []
    }

    @Test func installDryRunListsEveryStepWritesNothingAndTheRunJournalsTheSameSteps() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let template = try pool.session.vm.getRecord(try pool.session.ref(named: "FAI Squeeze 64"))
        let writesBefore = pool.server.writeCallLog
        let dry = try CLI.run(
            ["install", "FAI Squeeze 64", "--name", "web01", "--repo", "http://mirror.example/debian", "--start", "--dry-run"],
            pool: pool, state: state)
        #expect(dry.status == 0, "\(dry.stderr)")
        let text = dry.stdout
        #expect(text.hasPrefix("Plan: install web01 from FAI Squeeze 64, one change set:"), "\(text)")
        #expect(text.contains("  1. VM.clone of FAI Squeeze 64 as xsfai-pending-"))
        #expect(text.contains("VM=$(xe vm-clone uuid=\(template.uuid) new-name-label=xsfai-pending-"))
        #expect(text.contains("call: VM.provision(\"<new VM>\")"))
        #expect(text.contains("xe:   xe template-param-set uuid=$VM name-description='Installed via xsfai from FAI Squeeze 64'"), "\(text)")
        #expect(text.contains("xe:   xe vm-param-set uuid=$VM other-config:install-repository=http://mirror.example/debian"), "\(text)")
        #expect(text.contains("xe:   xe vif-create vm-uuid=$VM network-uuid="))
        #expect(text.contains("xe:   xe vm-param-set uuid=$VM name-label=web01"))
        #expect(text.contains("xe:   xe vm-start uuid=$VM"))
        #expect(pool.server.writeCallLog == writesBefore, "a dry run wrote: \(pool.server.writeCallLog.dropFirst(writesBefore.count))")
        #expect(try pool.session.vm.getByNameLabel("web01").isEmpty)
        #expect(try Self.newestJournalSteps(state: state, pool: pool).isEmpty)

        let json = try CLI.run(
            ["install", "FAI Squeeze 64", "--name", "web01", "--repo", "http://mirror.example/debian", "--dry-run", "--json"],
            pool: pool, state: state)
        #expect(json.status == 0, "\(json.stderr)")
        let planned = try Self.steps(ofPlan: json.stdout)
        #expect(planned.first?["summary"] as? String == "VM.clone of FAI Squeeze 64 as " + ((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["marker"] as? String ?? "?"))
        #expect(pool.server.writeCallLog == writesBefore)

        let real = try CLI.run(["install", "FAI Squeeze 64", "--name", "web01", "--repo", "http://mirror.example/debian"], pool: pool, state: state)
        #expect(real.status == 0, "\(real.stderr)")
        let journaled = try Self.newestJournalSteps(state: state, pool: pool)
        let plannedSteps = planned.compactMap { $0["journal"] as? [String: Any] }
        #expect(plannedSteps.count == planned.count - 1, "every listed step but the clone is a journal step")
        #expect(journaled.map(Self.shape) == plannedSteps.map(Self.shape))
        #expect(journaled.count >= 5, "\(journaled.map(Self.shape))")
        // The writes that arrived are the planned calls, each once, in order (refs aside).
        let planCalls = planned.flatMap { ($0["calls"] as? [String] ?? []).map { String($0.prefix { $0 != "(" }) } }
        let arrived = pool.server.writeCallLog.dropFirst(writesBefore.count).map { $0.replacingOccurrences(of: "Async.", with: "") }
        #expect(Array(arrived) == planCalls)
    }

    @Test func templateCopyDryRunShowsTheCloneAndRenameAndWritesNothing() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let writesBefore = pool.server.writeCallLog
        let dry = try CLI.run(
            ["template-copy", "FAI Squeeze 64", "--name", "FAI lab", "--description", "Lab", "--sr", "Shared NFS storage", "--dry-run"],
            pool: pool, state: state)
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("1. VM.copy of FAI Squeeze 64 as xsfai-pending-"), "\(dry.stdout)")
        #expect(dry.stdout.contains("new-name-label=xsfai-pending-"))
        #expect(dry.stdout.contains(" sr-uuid="))
        #expect(dry.stdout.contains("xe template-param-set uuid=$VM name-description=Lab"))
        #expect(dry.stdout.contains("xe template-param-set uuid=$VM name-label='FAI lab'"))
        #expect(pool.server.writeCallLog == writesBefore)
        #expect(try pool.session.vm.getByNameLabel("FAI lab").isEmpty)

        let json = try CLI.run(["template-copy", "FAI Squeeze 64", "--name", "FAI lab", "--dry-run", "--json"], pool: pool, state: state)
        let planned = try Self.steps(ofPlan: json.stdout).compactMap { $0["journal"] as? [String: Any] }
        #expect(planned.map(Self.shape) == ["name-label|FAI lab"], "\(json.stdout)")
        let real = try CLI.run(["template-copy", "FAI Squeeze 64", "--name", "FAI lab"], pool: pool, state: state)
        #expect(real.status == 0, "\(real.stderr)")
        #expect(try Self.newestJournalSteps(state: state, pool: pool).map(Self.shape) == planned.map(Self.shape))
    }

    @Test func batchDryRunPlansEveryVMAndAPipedBatchWritesWithoutAsking() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        let writesBefore = pool.server.writeCallLog
        let dry = try CLI.run(["install", "FAI Squeeze 64", "--names", "web[1-3]", "--dry-run", "--json"], pool: pool, state: state)
        #expect(dry.status == 0, "\(dry.stderr)")
        let plans = try JSONSerialization.jsonObject(with: Data(dry.stdout.utf8)) as? [[String: Any]]
        #expect(plans?.map { $0["name"] as? String } == ["web1", "web2", "web3"])
        #expect(Set(plans?.compactMap { $0["marker"] as? String } ?? []).count == 3, "each VM its own change set")
        #expect(pool.server.writeCallLog == writesBefore)
        let piped = try CLI.run(["install", "FAI Squeeze 64", "--names", "web[1-2]"], pool: pool, state: state)
        #expect(piped.status == 0, "\(piped.stderr)")
        #expect(!piped.stderr.contains("[y/N]"))
        #expect(try pool.session.vm.getByNameLabel("web2").count == 1)
    }

    @Test func aBatchOnATerminalShowsThePlanAndAsksFirst() async throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLI.freshState()
        func onTerminal(_ arguments: [String], answer: String) throws -> CLI.Result {
            let command = ([CLI.binary.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
            return try CLI.run(
                ["-qec", command, "/dev/null"], pool: pool, state: state, executable: URL(fileURLWithPath: "/usr/bin/script"),
                input: answer)
        }
        let writesBefore = pool.server.writeCallLog
        let declined = try onTerminal(["install", "FAI Squeeze 64", "--names", "tty[1-2]"], answer: "n\n")
        #expect(declined.status == 6, "\(declined.stdout)")
        #expect(declined.stdout.contains("Plan: 2 VMs from FAI Squeeze 64"), "\(declined.stdout)")
        #expect(declined.stdout.contains("tty1: VM.clone, name-description, VM.provision"), "\(declined.stdout)")
        #expect(declined.stdout.contains("Create these 2 VMs? [y/N]"))
        #expect(pool.server.writeCallLog == writesBefore)
        let confirmed = try onTerminal(["install", "FAI Squeeze 64", "--names", "tty[1-2]"], answer: "y\n")
        #expect(confirmed.status == 0, "\(confirmed.stdout)")
        #expect(try pool.session.vm.getByNameLabel("tty2").count == 1)
        let unasked = try onTerminal(["install", "FAI Squeeze 64", "--names", "tty[3-4]", "--yes"], answer: "")
        #expect(unasked.status == 0, "\(unasked.stdout)")
        #expect(!unasked.stdout.contains("[y/N]"))
    }
}

/// `shutdown` and `reboot` share one shape (clean, or `--hard` at once): what each says and refuses.
@Suite struct PowerCommandEndToEndTests {
    @Test func shutdownAndRebootSayWhereTheVMIsAndRefuseTheWrongPowerState() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLIRunEndToEndTests.freshState()
        let rebooted = try CLIRunEndToEndTests.run(["reboot", "fai01", "--hard"], pool: pool, state: state)
        #expect(rebooted.status == 0, "\(rebooted.stderr)")
        #expect(rebooted.stdout == "fai01 is rebooting.\n")
        let halted = try CLIRunEndToEndTests.run(["shutdown", "fai01", "--hard"], pool: pool, state: state)
        #expect(halted.status == 0, "\(halted.stderr)")
        #expect(halted.stdout == "fai01 is halted.\n")
        #expect(try pool.session.vm.getRecord(try pool.session.ref(named: "fai01")).powerState == .halted)
        let again = try CLIRunEndToEndTests.run(["shutdown", "fai01"], pool: pool, state: state)
        #expect(again.status == 9)
        #expect(again.stderr.contains("fai01 is already halted"), "\(again.stderr)")
        let notRunning = try CLIRunEndToEndTests.run(["reboot", "fai01"], pool: pool, state: state)
        #expect(notRunning.status == 9)
        #expect(notRunning.stderr.contains("fai01 is halted; reboot needs it running"), "\(notRunning.stderr)")
    }
}
