import FAIControl
import Testing
import XenAPI

@Suite struct CheckEndToEndTests {
    @Test func xenCenterBugVMIsFoundAndFixed() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let results = DriftChecker.checkAll(resolver: try pool.resolver())
        let drifted = results.filter { $0.status == .drifted }
        #expect(drifted.map(\.vm) == ["fai03"])
        let template = try pool.session.vm.getRecord(try pool.session.ref(named: "FAI Squeeze 64"))
        let fix = try #require(drifted.first?.plan)
        #expect(fix.changes.map(\.parameter) == [.pvArgs])
        #expect(fix.changes.map(\.new) == [template.pvArgs])

        let controller = try pool.controller()
        _ = try controller.apply(drifted.map(\.plan), command: "check --fix")
        let after = DriftChecker.checkAll(resolver: try pool.resolver())
        #expect(after.allSatisfy { $0.status == .inSync })
        #expect(try controller.contents().sets.map { $0.steps.map(\.parameter) } == [[.pvArgs]])
    }
}

@Suite struct TemplateIdentityTests {
    /// A second template named "FAI Squeeze 64" carrying the vendor's PV-args (as a careless copy would).
    func duplicateTemplate(_ pool: LoopbackPool, _ controller: PoolController) throws {
        let resolver = try pool.resolver()
        let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        #expect(throws: InstallError.self) {
            try controller.copyTemplate(ref, template, name: "FAI Squeeze 64", description: nil, sr: nil,
                                        allowDuplicateName: false, existing: resolver.records)
        }
        let copy = try controller.copyTemplate(ref, template, name: "FAI Squeeze 64", description: nil, sr: nil,
                                               allowDuplicateName: true, existing: resolver.records)
        let copyRef = try pool.session.vm.getByUUID(try #require(copy.createdUUID))
        try pool.session.vm.setPVArgs(copyRef, "-- quiet console=hvc0")
    }

    @Test func checkFixNeverPicksATemplateItCannotIdentify() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        try duplicateTemplate(pool, controller)
        let resolver = try pool.resolver()
        let (ref, before) = try resolver.resolve("fai03", kind: .vm)
        let result = DriftChecker.check(ref, before, resolver: resolver)
        #expect(result.status == .ambiguousTemplate)
        #expect(result.plan.isEmpty)
        #expect(result.problem?.contains("names 2 templates") == true)
        // Rearm says so too and restores nothing from a guessed template.
        let (abortedRef, aborted) = try resolver.resolve("fai02", kind: .vm)
        let plan = try RearmPlanner.plan(ref: abortedRef, record: aborted, resolver: resolver, force: false)
        #expect(plan.warnings.contains { $0.contains("cannot tell which") })
        #expect(plan.restoredFromTemplate.isEmpty)
    }

    @Test func aVMInstalledByXsfaiFindsItsTemplateByUUIDDespiteDuplicates() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        let resolver = try pool.resolver()
        let (templateRef, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
        let report = try controller.install(
            InstallRequest(name: "web09", template: template.uuid), templateRef: templateRef, template: template,
            existing: resolver.records)
        try duplicateTemplate(pool, controller)
        let vm = Ref<VMRecord>(report.ref)
        try pool.session.vm.setPVArgs(vm, "")  // the XenCenter bug
        let after = try pool.resolver()
        let result = DriftChecker.check(vm, try pool.session.vm.getRecord(vm), resolver: after)
        #expect(result.status == .drifted)
        #expect(result.templateUUID == template.uuid)
        #expect(result.plan.changes.map(\.new) == [template.pvArgs])
    }

    @Test func theCLIRefusesCheckFixOnAnAmbiguousTemplate() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLIRunEndToEndTests.freshState()
        let copied = try CLIRunEndToEndTests.run(
            ["template-copy", "FAI Squeeze 64", "--name", "FAI Squeeze 64"], pool: pool, state: state)
        #expect(copied.status == 6)
        #expect(copied.stderr.contains("already used by template FAI Squeeze 64"))
        let allowed = try CLIRunEndToEndTests.run(
            ["template-copy", "FAI Squeeze 64", "--name", "FAI Squeeze 64", "--allow-duplicate-name"], pool: pool, state: state)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let before = try pool.session.vm.getRecord(try pool.session.ref(named: "fai03"))
        let fix = try CLIRunEndToEndTests.run(["check", "fai03", "--fix"], pool: pool, state: state)
        #expect(fix.status == 6)
        #expect(fix.stderr.contains("cannot tell which one"))
        #expect(try pool.session.vm.getRecord(try pool.session.ref(named: "fai03")) == before)
    }

    @Test func checkFixDryRunShowsThePlanAndWritesNothing() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let state = CLIRunEndToEndTests.freshState()
        let before = try pool.session.vm.getRecord(try pool.session.ref(named: "fai03"))
        let dry = try CLIRunEndToEndTests.run(["check", "--fix", "--dry-run"], pool: pool, state: state)
        #expect(dry.status == 1)
        #expect(dry.stderr.contains("VM fai03 (\(before.uuid))"))
        #expect(dry.stderr.contains("xe vm-param-set uuid=\(before.uuid) PV-args="))
        #expect(try pool.session.vm.getRecord(try pool.session.ref(named: "fai03")) == before)
        let journal = try CLIRunEndToEndTests.run(["journal"], pool: pool, state: state)
        #expect(journal.stdout.contains("journal is empty"))
    }
}
