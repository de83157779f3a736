import FAIControl
import Testing
import XenAPI

@Suite struct RearmEndToEndTests {
    @Test func forcedOffInstallIsRearmedAndInstallsOnNextStart() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let session = pool.session
        let (templateRef, template) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
        let controller = try pool.controller()
        let report = try controller.install(
            InstallRequest(name: "fai20", template: "FAI Squeeze 64"), templateRef: templateRef, template: template,
            existing: pool.session.allVMRecords())
        let vm = Ref<VMRecord>(report.ref)
        try session.vm.start(vm)
        let running = try session.vm.getRecord(vm)
        // eliloader switched it to pygrub at first boot: stopping now leaves a VM that cannot install.
        #expect(running.pvBootloader == "pygrub")
        #expect(throws: RearmError.notHalted("fai20", state: "running")) {
            try RearmPlanner.plan(ref: vm, record: running, template: template, force: false)
        }
        let plan = try RearmPlanner.plan(ref: vm, record: running, template: template, force: true)
        #expect(plan.shutsDownFirst)
        _ = try controller.rearm(plan)
        let armed = try session.vm.getRecord(vm)
        #expect(armed.powerState == .halted)
        #expect(armed.pvBootloader == "eliloader")
        #expect(armed.otherConfig["install-distro"] == "debianlike")

        let (code, summary) = try pool.startAndWatch(vm)
        #expect(code == 0, "\(summary)")
    }

    @Test func xenCenterBugVMGetsItsTemplatesPVArgsBackAndInstalls() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let resolver = try pool.resolver()
        let (ref, record) = try resolver.resolve("fai03", kind: .vm)
        #expect(record.pvArgs.isEmpty)
        let template = try #require(resolver.template(of: record)?.record)
        #expect(template.nameLabel == "FAI Squeeze 64")
        let plan = try RearmPlanner.plan(ref: ref, record: record, template: template, force: false)
        #expect(plan.restoredFromTemplate == ["PV-args"])
        _ = try pool.controller().rearm(plan)
        #expect(try pool.session.vm.getRecord(ref).pvArgs == template.pvArgs)
        let (code, summary) = try pool.startAndWatch(ref)
        #expect(code == 0, "\(summary)")
    }

    @Test func rearmTwiceWritesOnce() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let resolver = try pool.resolver()
        let (ref, _) = try resolver.resolve("fai02", kind: .vm)
        let controller = try pool.controller()
        for _ in 0..<2 {
            let record = try pool.session.vm.getRecord(ref)
            let plan = try RearmPlanner.plan(ref: ref, record: record, resolver: resolver, force: false)
            _ = try controller.rearm(plan)
        }
        let sets = try controller.contents().sets
        #expect(sets.count == 1)
        #expect(sets.first?.steps.map(\.parameter) == [.pvBootloader, .otherConfig("install-distro")])
        let record = try pool.session.vm.getRecord(ref)
        #expect(try RearmPlanner.plan(ref: ref, record: record, template: nil, force: false).isAlreadyArmed)
    }

    @Test func refusesTemplatesHVMAndControlDomainsOnARealPool() async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let records = try pool.session.allVMRecords()
        for (ref, record) in records where record.isControlDomain || record.isATemplate || !record.isPV {
            #expect(throws: RearmError.self) { try RearmPlanner.plan(ref: ref, record: record, template: nil, force: true) }
        }
    }
}
