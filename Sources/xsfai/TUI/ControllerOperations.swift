import App
import CurlTransport
import FAIControl
import Foundation
import XenAPI

/// The TUI's pool operations: FAIControl's planners and executors over the session, journalled.
struct ControllerOperations: PoolOperations {
    let session: XenAPISession
    let journal: ChangeJournal

    init(session: XenAPISession) {
        self.session = session
        journal = ChangeJournal(path: ChangeJournal.defaultPath(environment: ProcessInfo.processInfo.environment))
    }

    private func context(_ command: String, undoes: Int? = nil) throws -> JournalContext {
        JournalContext(pool: try session.poolUUID(), command: "tui \(command)", undoes: undoes)
    }

    func apply(_ plan: ChangePlan) throws -> OperationOutcome {
        try PlanExecutor(api: session, journal: journal).apply(plan, context: try context("edit"))
        let changed = plan.changes.map(\.parameter.xeName).joined(separator: ", ")
        return OperationOutcome(summary: "\(plan.target.nameLabel): set \(changed)", xeCommands: plan.xeCommands)
    }

    func rearm(_ vm: Ref<VMRecord>, forceShutdown: Bool) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        let template = try template(of: record)
        let plan = try RearmPlanner.plan(ref: vm, record: record, template: template, force: forceShutdown)
        if plan.isAlreadyArmed {
            return OperationOutcome(summary: "\(record.nameLabel) is already armed: nothing written")
        }
        let applied = try RearmExecutor(api: session, journal: journal)
            .apply(plan, template: template, context: try context("rearm"), start: false)
        let changes = applied.changes.changes
            .map { "\($0.parameter.xeName) \($0.old ?? "(absent)") → \($0.new ?? "(removed)")" }
            .joined(separator: ", ")
        let shutdown = plan.shutsDownFirst ? "hard shutdown, then " : ""
        var commands = plan.shutsDownFirst ? ["xe vm-shutdown --force uuid=\(record.uuid)"] : []
        commands += applied.changes.xeCommands
        return OperationOutcome(summary: "rearmed \(record.nameLabel): \(shutdown)\(changes); s starts the install",
                                xeCommands: commands)
    }

    func undoLastChange() throws -> OperationOutcome {
        let entries = try journal.entries()
        let newest = try UndoPlanner.entryToUndo(nil, in: entries)
        let ref = try session.vm.getByUUID(newest.entry.objectUUID)
        let record = try session.vmRecord(ref)
        let plan = try UndoPlanner.plan(undoing: newest, ref: ref, record: record, pool: try session.poolUUID())
        try PlanExecutor(api: session, journal: journal).apply(plan, context: try context("undo", undoes: newest.number))
        return OperationOutcome(summary: "undid journal entry \(newest.number) on \(record.nameLabel)",
                                xeCommands: plan.xeCommands)
    }

    func install(_ request: InstallRequest, from template: Ref<VMRecord>) throws -> (Ref<VMRecord>, OperationOutcome) {
        let record = try session.vmRecord(template)
        let name = request.name
        let report = try VMInstaller(api: session, journal: journal).install(
            InstallRequest(name: name, template: record.nameLabel, repository: request.repository, sr: request.sr),
            templateRef: template, template: record, context: try context("install"))
        let carried = report.carried.isEmpty ? "" : "; carried over \(report.carried.changes.map(\.parameter.xeName).joined(separator: ", "))"
        let outcome = OperationOutcome(
            summary: "created \(report.name) from \(report.template)\(carried)",
            xeCommands: ["xe vm-install template=\(record.uuid) new-name-label='\(name.replacingOccurrences(of: "'", with: "'\\''"))'"] + report.carried.xeCommands)
        return (Ref(report.ref), outcome)
    }

    // The writes below are small on purpose: they move into FAIControl's controller when it lands.

    func copyTemplate(_ template: Ref<VMRecord>, name: String, description: String) throws -> OperationOutcome {
        let record = try session.vmRecord(template)
        let copy = try session.vm.clone(template, newName: name)
        if !description.isEmpty { try session.vm.setNameDescription(copy, description) }
        let made = try session.vmRecord(copy)
        var commands = ["xe vm-clone uuid=\(record.uuid) new-name-label=\(name.shellQuoted)"]
        if !description.isEmpty { commands.append("xe template-param-set uuid=\(made.uuid) name-description=\(description.shellQuoted)") }
        return OperationOutcome(summary: "copied \(record.nameLabel) to \(made.nameLabel) (custom template, VM.clone)", xeCommands: commands)
    }

    func destroyPlans(_ vms: [Ref<VMRecord>]) throws -> (plans: [DestroyPlan], refused: [String]) {
        let destroyer = VMDestroyer(api: session, journal: journal)
        var plans: [DestroyPlan] = []
        var refused: [String] = []
        for vm in vms {
            do {
                plans.append(try destroyer.plan(vm))
            } catch let error as DestroyError {
                refused.append(error.description)
            }
        }
        return (plans, refused)
    }

    func destroy(_ plan: DestroyPlan) throws -> OperationOutcome {
        let destroyed = try VMDestroyer(api: session, journal: journal).apply(plan, context: try context("destroy"))
        let disks = destroyed.isEmpty ? "" : " and \(destroyed.count) disk\(destroyed.count == 1 ? "" : "s")"
        return OperationOutcome(summary: "destroyed \(plan.name)\(disks) (journaled; a destroy cannot be undone)",
                                xeCommands: plan.xeCommands)
    }

    func cleanShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        try session.vm.cleanShutdown(vm)
        return OperationOutcome(summary: "shut \(record.nameLabel) down cleanly", xeCommands: ["xe vm-shutdown uuid=\(record.uuid)"])
    }

    func reboot(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        _ = try session.call("VM.clean_reboot", [.string(vm.rawValue)])
        return OperationOutcome(summary: "rebooted \(record.nameLabel) cleanly", xeCommands: ["xe vm-reboot uuid=\(record.uuid)"])
    }

    func start(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        guard record.powerState != .running else { return OperationOutcome(summary: "\(record.nameLabel) is already running") }
        try session.vm.start(vm)
        return OperationOutcome(summary: "started \(record.nameLabel)", xeCommands: ["xe vm-start uuid=\(record.uuid)"])
    }

    func hardShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        guard record.powerState != .halted else { return OperationOutcome(summary: "\(record.nameLabel) is already halted") }
        try session.vm.hardShutdown(vm)
        return OperationOutcome(summary: "hard shutdown of \(record.nameLabel)",
                                xeCommands: ["xe vm-shutdown --force uuid=\(record.uuid)"])
    }

    func preflight(_ vm: Ref<VMRecord>) throws -> PreflightReport {
        let record = try session.vmRecord(vm)
        let hosts = Array(try session.allHostRecords().values)
        return Preflight(prober: CurlURLProber()).run(record, hosts: hosts)
    }

    private func template(of record: VMRecord) throws -> VMRecord? {
        TargetResolver(records: try session.allVMRecords()).template(of: record)?.record
    }
}
