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
            try TerminalQuestion.requireConsent(
                to: KernelArgumentCheck.warning(template.pvArgs).map { ["\(template.nameLabel): \($0)"] } ?? [],
                force: command.force)
            let monitor = try command.monitor.arguments(command.connection)
            let sources = try command.monitorSource.applying(try command.connection.profile()).start()
            defer { sources?.stop() }
            var existing = resolver.records
            var made: [BatchWatch.Target] = []
            var failures: [String] = []
            for name in names {
                var request = InstallRequest(
                    name: name, template: command.template, repository: command.repo, sr: command.sr,
                    allowDuplicateName: command.allowDuplicateName, monitor: monitor, networks: command.network)
                request.withoutNetwork = command.noNetwork
                do {
                    let report = try connection.controller.install(
                        request, templateRef: templateRef, template: template, existing: existing)
                    let ref = Ref<VMRecord>(report.ref)
                    existing[ref] = try connection.session.vm.getRecord(ref)
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
}

extension AttemptLedger {
    /// The ledger in xsfai's state folder.
    static var standard: AttemptLedger {
        AttemptLedger(path: AttemptLedger.defaultPath(environment: ProcessInfo.processInfo.environment))
    }
}
