import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai install TEMPLATE --name a --name b …` / `--names 'web[01-20]'`: every VM made through the
/// controller as `install` makes one (each its own verified change set, so one failure leaves the
/// others and is rolled back alone), then started (`--start`) and watched together (`--watch`).
struct BatchInstall {
    let command: InstallCommand
    let names: [String]

    func run() throws {
        try ControllerConnection.run(command.connection) { connection in
            try connection.refuseWithoutPVInstallPath()
            let resolver = try connection.resolver()
            let (templateRef, template) = try resolver.resolve(command.template, kind: .template)
            try command.requireConsent(for: template)
            let monitor = try command.monitor.arguments(command.connection)
            var failures: [String] = []
            var plans: [InstallPlan] = []
            for name in names {
                do {
                    plans.append(try command.plan(
                        name, templateRef: templateRef, template: template, monitor: monitor, connection: connection,
                        existing: resolver.records))
                } catch {
                    failures.append(name)
                    ControllerOutput.note("xsfai: \(name): \(error)")
                }
            }
            if command.dryRun {
                try command.json ? ControllerOutput.printJSON(plans) : ControllerOutput.say(plans.map { ControllerOutput.text($0.creation) }.joined(separator: "\n"))
                if !failures.isEmpty { throw ExitCode(ExitStatus.failure.rawValue) }
                return
            }
            try confirm(plans, template: template)
            let sources = try command.monitorSource.applying(try command.connection.profile()).start()
            defer { sources?.stop() }
            var made: [BatchWatch.Target] = []
            for plan in plans {
                let name = plan.creation.creation.name
                do {
                    let report = try connection.controller.install(plan)
                    let ref = Ref<VMRecord>(report.ref)
                    made.append(BatchWatch.Target(name: name, uuid: report.uuid, ref: ref, macs: report.interfaces.map(\.mac)))
                    let macs = report.interfaces.map { "VIF \($0.device) \($0.mac) on \($0.network)" }
                    ControllerOutput.say("Created \(name) (\(report.uuid)) from \(template.nameLabel)"
                        + (macs.isEmpty ? "" : ", " + macs.joined(separator: ", ")) + ", change set \(report.changeSet).")
                    if made.count == 1, let note = report.networkNote { ControllerOutput.note("Network: \(note).") }
                } catch {
                    failures.append(name)
                    ControllerOutput.note("xsfai: \(name): \(error)")
                }
            }
            ControllerOutput.say("Created \(made.count) of \(names.count) VMs from \(template.nameLabel).")
            if command.start || command.watch {
                let start = {
                    for target in made {
                        do {
                            try connection.controller.start(target.ref)
                        } catch {
                            ControllerOutput.note("xsfai: \(target.name): could not start: \(error)")
                        }
                    }
                    ControllerOutput.say("Started \(made.count) VMs.")
                }
                if command.watch {
                    let watch = BatchWatch(
                        targets: made, session: connection.session, connector: connection.consoles,
                        monitor: sources?.service, ledger: AttemptLedger.standard)
                    let code = try watch.run(timeout: command.timeout.map(Double.init), start: start)
                    if code != 0 { throw ExitCode(code) }
                } else {
                    try start()
                }
            }
            if !failures.isEmpty { throw ExitCode(ExitStatus.failure.rawValue) }
        }
    }

    /// On a terminal, shows the batch's plans one line each and asks before writing (unless `--yes`);
    /// without a terminal (scripts) it goes on without asking, as `check --fix` does.
    private func confirm(_ plans: [InstallPlan], template: VMRecord) throws {
        guard plans.count > 1, !command.yes, TerminalQuestion.isInteractive else { return }
        ControllerOutput.note("Plan: \(plans.count) VMs from \(template.nameLabel), each its own change set (--dry-run shows every call):")
        for plan in plans { ControllerOutput.note("  " + ControllerOutput.summaryLine(plan.creation)) }
        guard TerminalQuestion.confirm("Create these \(plans.count) VMs?") else {
            throw ControllerRefusal(message: "not written: the batch was not confirmed; --yes creates without asking", status: .refused)
        }
    }
}

extension AttemptLedger {
    /// The ledger in xsfai's state folder.
    static var standard: AttemptLedger {
        AttemptLedger(path: AttemptLedger.defaultPath(environment: ProcessInfo.processInfo.environment))
    }
}
