import FAIControl
import Foundation
import Simulator
import Synchronization
import Testing
import XMLRPC
import XenAPI

/// Every write of every writing command, run once with its reply lost and once with the call dropped
/// before it reaches the pool (the simulator's `lose-reply` / `drop-before` faults, over real loopback
/// through libcurl). After each run: the pool holds the old or the new value of every step and no
/// extra object, the journal's view of every set matches the pool, and running the command again
/// changes nothing (a destroyed VM is gone: the second destroy finds nothing). Each cell prints one line of the faults × commands table.
@Suite struct FaultMatrixTests {
    /// A command as the CLI runs it: setup without faults, then the run that meets the fault.
    struct Scenario: Sendable {
        var name: String
        /// Objects the command creates.
        var creates = 0
        var prepare: @Sendable (LoopbackPool, PoolController) throws -> Void = { _, _ in }
        var run: @Sendable (LoopbackPool, PoolController) throws -> Void
    }

    static let scenarios: [String: Scenario] = [
        "template-set": Scenario(name: "template-set") { pool, controller in
            let (ref, record) = try pool.resolver().resolve("FAI Squeeze 64", kind: .template)
            _ = try controller.apply(ChangePlan(ref: ref, record: record, requested: [
                ParamChange(.pvArgs, "console=hvc0 root=/dev/nfs boot=live FAI_ACTION=install"),
                ParamChange(.otherConfig("install-repository"), "http://mirror.example/debian"),
            ]), command: "template-set")
        },
        "vm-set": Scenario(name: "vm-set") { pool, controller in
            let (ref, record) = try pool.resolver().resolve("fai01", kind: .vm)
            _ = try controller.apply(ChangePlan(ref: ref, record: record, requested: [
                ParamChange(.otherConfig("install-arch"), "i386"), ParamChange(.nameDescription, "lab"),
                ParamChange(.otherConfig("debian-release"), nil),
            ]), command: "vm-set")
        },
        "rearm": Scenario(name: "rearm") { pool, controller in
            let resolver = try pool.resolver()
            let (ref, record) = try resolver.resolve("fai02", kind: .vm)
            _ = try controller.rearm(try RearmPlanner.plan(ref: ref, record: record, resolver: resolver, force: false))
        },
        "rearm --force": Scenario(
            name: "rearm --force",
            prepare: { pool, _ in
                let vm = try pool.session.ref(named: "fai01")
                if try pool.session.vm.getRecord(vm).powerState == .halted { try pool.session.vm.start(vm) }
            },
            run: { pool, controller in
                let resolver = try pool.resolver()
                let (ref, record) = try resolver.resolve("fai01", kind: .vm)
                _ = try controller.rearm(try RearmPlanner.plan(ref: ref, record: record, resolver: resolver, force: true))
            }),
        "install": Scenario(name: "install", creates: 1) { pool, controller in
            try pool.install(InstallRequest(name: "web07", template: "FAI Squeeze 64", repository: "http://mirror.example/debian"), with: controller)
        },
        "install --sr": Scenario(name: "install --sr", creates: 1) { pool, controller in
            try pool.install(InstallRequest(name: "web08", template: "FAI Squeeze 64", sr: "Shared NFS storage"), with: controller)
        },
        "template-copy": Scenario(name: "template-copy", creates: 1) { pool, controller in
            let resolver = try pool.resolver()
            let (ref, template) = try resolver.resolve("FAI Squeeze 64", kind: .template)
            _ = try controller.copyTemplate(
                ref, template, name: "FAI copy", description: "copied", sr: nil, allowDuplicateName: false,
                existing: resolver.records)
        },
        "check --fix": Scenario(name: "check --fix") { pool, controller in
            let drifted = DriftChecker.checkAll(resolver: try pool.resolver()).filter { $0.status == .drifted }
            _ = try controller.apply(drifted.map(\.plan), command: "check --fix")
        },
        "destroy": Scenario(name: "destroy", creates: -1) { pool, controller in
            let (ref, _) = try pool.resolver().resolve("fai02", kind: .vm)
            _ = try controller.destroy(try controller.destroyPlan(ref))
        },
        "undo": Scenario(
            name: "undo",
            prepare: { pool, controller in try scenarios["rearm"]?.run(pool, controller) },
            run: { _, controller in _ = try controller.undo() }),
    ]

    @Test(arguments: ["template-set", "vm-set", "rearm", "rearm --force", "install", "install --sr", "template-copy", "check --fix", "destroy", "undo"])
    func everyWriteUnderEveryFault(_ name: String) async throws {
        let scenario = try #require(Self.scenarios[name])
        let writes = try await Self.writes(of: scenario)
        #expect(!writes.isEmpty)
        var seen: [String: Int] = [:]
        for method in writes {
            seen[method, default: 0] += 1
            let nth = seen[method] ?? 1
            for fault in [SimulatorFault.loseReply(method: method, nthCall: nth), .dropBefore(method: method, nthCall: nth)] {
                try await cell(scenario, fault)
            }
        }
    }

    @Test(arguments: [SimulatorFault.loseReply(method: "VM.start", nthCall: 1), .dropBefore(method: "VM.start", nthCall: 1)])
    func aStartIsSentOnceAndSettledByReadingBack(_ fault: SimulatorFault) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        try Self.scenarios["install --sr"]?.run(pool, controller)
        let vm = try pool.session.ref(named: "web08")
        pool.server.setFaults([fault])
        try controller.start(vm)
        pool.server.setFaults([])
        #expect(try pool.session.vm.getRecord(vm).powerState == .running)
        print("fault-matrix | start | \(fault) | succeeded | running, read back")
    }

    /// The writes `scenario` makes on a pool without faults, in order.
    static func writes(of scenario: Scenario) async throws -> [String] {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let log = CallLog(pool.session)
        let controller = PoolController.open(log, pool: pool)
        try scenario.prepare(pool, controller)
        log.reset()
        try scenario.run(pool, controller)
        return log.writes
    }

    func cell(_ scenario: Scenario, _ fault: SimulatorFault) async throws {
        let pool = try await LoopbackPool.start()
        defer { Task { await pool.stop() } }
        let controller = try pool.controller()
        try scenario.prepare(pool, controller)
        let before = try Self.objects(pool)
        let setsBefore = try controller.contents().sets.count
        pool.server.setFaults([fault])
        var failure: (any Error)?
        do { try scenario.run(pool, controller) } catch { failure = error }
        pool.server.setFaults([])
        let context = "\(scenario.name) under \(fault)"
        #expect(failure == nil, "\(context): \(failure.map { "\($0)" } ?? "")")

        // No duplicate or orphan object; no third value.
        let after = try Self.objects(pool)
        #expect(after.count == before.count + scenario.creates, "\(context): \(before.count) objects before, \(after.count) after")
        #expect(try pool.session.vm.getByNameLabel(Creation.marker(for: "")).isEmpty)
        #expect(after.values.filter { $0.nameLabel.hasPrefix("xsfai-pending-") }.isEmpty, "\(context): a marker name was left")
        let contents = try controller.contents()
        #expect(contents.problems.isEmpty)
        let new = Array(contents.sets.dropFirst(setsBefore))
        #expect(new.count == 1, "\(context): \(new.count) change sets")
        for set in contents.sets {
            for (index, step) in set.steps.enumerated() {
                let record = try Self.record(of: step.objectUUID, pool)
                let state = StepPlan.state(of: step, in: record, vifNetworks: try Self.vifNetworks(of: step.objectUUID, pool))
                if let parameter = step.parameter, let record {
                    let value = parameter.value(in: record)
                    #expect(value == step.old || value == step.new, "\(context): \(step.summary) is \(JournalStep.show(value))")
                }
                // The journal's reconciled view is the pool's (a later set may have reverted an earlier one).
                if contents.revertedBy[set.number] == nil, set.undoes == nil || set.number == contents.sets.count {
                    #expect(set.states?[index] == state, "\(context): set \(set.number) step \(index + 1) journaled \(set.states?[index].rawValue ?? "nothing"), pool shows \(state)")
                }
            }
        }
        #expect(try controller.reconcile().filter { !$0.isSettled }.isEmpty, "\(context): a set is pending")
        // Never a second VIF: every created VM has exactly the VIFs its set planned, one per device.
        for set in new {
            let planned = set.steps.filter { $0.operation == VIFCreation.method }
            guard let uuid = set.created, !planned.isEmpty else { continue }
            let devices = try Self.vifNetworks(of: uuid, pool)
            #expect(devices == Dictionary(uniqueKeysWithValues: planned.map { ($0.device ?? "", $0.network ?? "") }), "\(context): VIFs \(devices)")
            let vm = try pool.session.vm.getByUUID(uuid)
            #expect(try pool.session.vm.getRecord(vm).vifs.count == planned.count, "\(context): a VIF was created twice")
        }

        // A second run converges: nothing more is written (a creation is refused by its name).
        let countBefore = try controller.contents().sets.count
        do {
            try scenario.run(pool, controller)
        } catch let error as InstallError {
            guard case .nameInUse = error else { throw error }
        } catch JournalError.nothingToUndo {
        } catch TargetError.unknown {}  // a destroyed VM is not there to destroy again
        #expect(try controller.contents().sets.count == countBefore, "\(context): the second run wrote again")
        #expect(try Self.objects(pool).count == after.count)
        let final = new.first
        print("fault-matrix | \(scenario.name) | \(fault) | \(failure == nil ? "succeeded" : "failed: \(failure!)") | "
            + "set \(final?.statusText ?? "none"), \(after.count - before.count) new object(s), second run: no change")
    }

    /// Every VM and template (no snapshots), by UUID.
    static func objects(_ pool: LoopbackPool) throws -> [String: VMRecord] {
        var result: [String: VMRecord] = [:]
        for record in try pool.session.allVMRecords().values where !record.isASnapshot { result[record.uuid] = record }
        return result
    }

    /// The VIFs of the VM `uuid` now, device → network UUID (`nil` when the VM is gone).
    static func vifNetworks(of uuid: String, _ pool: LoopbackPool) throws -> [String: String]? {
        guard let ref = try? pool.session.vm.getByUUID(uuid) else { return nil }
        let networks = try pool.session.network.getAllRecords()
        return try pool.session.vifs(of: ref).mapValues { networks[$0.record.network]?.uuid ?? "" }
    }

    static func record(of uuid: String, _ pool: LoopbackPool) throws -> VMRecord? {
        guard let ref = try? pool.session.vm.getByUUID(uuid) else { return nil }
        return try pool.session.vm.getRecord(ref)
    }
}

/// A session that records the state-changing calls made through it.
final class CallLog: XenAPICalling, Sendable {
    let session: XenAPISession
    private let log = Mutex<[String]>([])

    init(_ session: XenAPISession) { self.session = session }

    var writes: [String] { log.withLock { $0 } }

    func reset() { log.withLock { $0 = [] } }

    func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
        let name = method.split(separator: ".").last ?? ""
        if !name.hasPrefix("get_") { log.withLock { $0.append(method) } }
        return try session.call(method, params)
    }

    func vmRecord(_ ref: Ref<VMRecord>) throws -> VMRecord { try session.vmRecord(ref) }
    func allVMRecords() throws -> [Ref<VMRecord>: VMRecord] { try session.allVMRecords() }
    func allPoolRecords() throws -> [Ref<PoolRecord>: PoolRecord] { try session.allPoolRecords() }
    func allHostRecords() throws -> [Ref<HostRecord>: HostRecord] { try session.allHostRecords() }
    func allSRRecords() throws -> [Ref<SRRecord>: SRRecord] { try session.allSRRecords() }
}

extension PoolController {
    /// A controller calling through `api` with a fresh journal for `pool`.
    static func open(_ api: CallLog, pool: LoopbackPool) -> PoolController {
        PoolController(api: api, poolUUID: (try? pool.session.poolUUID()) ?? "p", journal: temporaryJournal())
    }
}
