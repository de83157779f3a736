import App
import CurlTransport
import FAIControl
import Foundation
import XenAPI

/// The TUI's pool operations: the plans the reducer made, carried out by the one ``PoolController``.
struct ControllerOperations: PoolOperations {
    let session: XenAPISession
    let controller: PoolController

    /// Opens the pool's controller (its journal in `stateFolder`, default `$XDG_STATE_HOME/xsfai`);
    /// journaled commands are prefixed `tui `.
    init(session: XenAPISession, stateFolder: String? = nil) throws {
        self.session = session
        controller = try PoolController.open(
            api: session, stateFolder: stateFolder ?? ChangeJournal.stateFolder(environment: ProcessInfo.processInfo.environment),
            commandPrefix: "tui ")
    }

    func apply(_ plan: ChangePlan) throws -> OperationOutcome {
        outcome(try controller.apply(plan, command: "edit"))
    }

    func rearm(_ plan: RearmPlan) throws -> OperationOutcome {
        let result = try controller.rearm(plan)
        guard result.set != nil else { return outcome(result) }
        return OperationOutcome(summary: result.summary + "; s starts the install", xeCommands: result.xeCommands)
    }

    func undo(_ number: Int?) throws -> OperationOutcome {
        outcome(try controller.undo(number))
    }

    func install(_ request: InstallRequest, template: Ref<VMRecord>, record: VMRecord) throws -> (Ref<VMRecord>, OperationOutcome) {
        var request = request
        request.allowDuplicateName = true  // the reducer checked the name against the records it holds
        let report = try controller.install(request, templateRef: template, template: record, existing: [:])
        let carried = report.carried.isEmpty ? "" : "; carried over \(report.carried.changes.map(\.parameter.xeName).joined(separator: ", "))"
        let vifs = report.interfaces.map { "VIF \($0.device) \($0.mac) on \($0.network)" }
        let network = vifs.isEmpty ? (report.networkNote.map { "; \($0)" } ?? "") : "; " + vifs.joined(separator: ", ")
        let monitor = request.monitor.map { "; reports to the FAI monitor at \($0.server):\($0.port)" } ?? ""
        let outcome = OperationOutcome(
            summary: "created \(report.name) from \(report.template)\(carried)\(network)\(monitor) (change set \(report.changeSet))",
            xeCommands: ["xe vm-install template=\(record.uuid) new-name-label=\(request.name.shellQuoted)"] + report.carried.xeCommands
                + report.interfaces.map(\.xeCommand))
        return (Ref(report.ref), outcome)
    }

    func journal() throws -> JournalContents { try controller.contents() }

    func reconcile() throws -> [ReconciledSet] { try controller.reconcile() }

    func complete(_ number: Int) throws -> OperationOutcome {
        outcome(try controller.complete(number))
    }

    func rollBack(_ number: Int) throws -> OperationOutcome {
        outcome(try controller.rollBack(number))
    }

    func copyTemplate(_ template: Ref<VMRecord>, name: String, description: String) throws -> OperationOutcome {
        let record = try session.vmRecord(template)
        // The reducer asked about a name in use already (Enter twice goes ahead).
        return outcome(try controller.copyTemplate(
            template, record, name: name, description: description.isEmpty ? nil : description, sr: nil,
            allowDuplicateName: true, existing: [:]))
    }

    func destroyPlans(_ vms: [Ref<VMRecord>]) throws -> (plans: [DestroyPlan], refused: [String]) {
        var plans: [DestroyPlan] = []
        var refused: [String] = []
        for vm in vms {
            do {
                plans.append(try controller.destroyPlan(vm))
            } catch let error as DestroyError {
                refused.append(error.description)
            }
        }
        return (plans, refused)
    }

    func destroy(_ plan: DestroyPlan) throws -> OperationOutcome {
        outcome(try controller.destroy(plan))
    }

    func cleanShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        try controller.power("VM.clean_shutdown", vm, leaving: .halted)
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
        try controller.start(vm)
        return OperationOutcome(summary: "started \(record.nameLabel)", xeCommands: ["xe vm-start uuid=\(record.uuid)"])
    }

    func hardShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome {
        let record = try session.vmRecord(vm)
        guard record.powerState != .halted else { return OperationOutcome(summary: "\(record.nameLabel) is already halted") }
        try controller.power("VM.hard_shutdown", vm, leaving: .halted)
        return OperationOutcome(summary: "hard shutdown of \(record.nameLabel)",
                                xeCommands: ["xe vm-shutdown --force uuid=\(record.uuid)"])
    }

    func preflight(_ vm: Ref<VMRecord>) throws -> PreflightReport {
        let record = try session.vmRecord(vm)
        let hosts = Array(try session.allHostRecords().values)
        return Preflight(prober: CurlURLProber()).run(record, hosts: hosts)
    }

    private func outcome(_ result: ChangeOutcome) -> OperationOutcome {
        OperationOutcome(summary: ([result.summary] + (result.set == nil ? [] : result.notes)).joined(separator: "; "), xeCommands: result.xeCommands)
    }
}
