import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai rearm`: make a failed install run again on the VM's next boot.
struct RearmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rearm",
        abstract: "Make a failed install run again on next boot (PV-bootloader=eliloader, install-distro, …).",
        discussion: """
            Sets PV-bootloader=eliloader and other-config:install-distro (the template's, else debianlike), \
            restores missing install-repository, debian-release and install-arch and empty PV-args from the \
            VM's template (other-config:base_template_name), then reads back and verifies. On an armed VM it \
            writes nothing. Templates, HVM VMs and control domains are refused; a running or paused VM needs \
            --force (hard shutdown first).

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix (not with --failed).")
    var vm: String?

    @Flag(help: "Rearm every VM whose last install attempt xsfai watched failed (FAI failed, no boot, hang); implies --force for them.")
    var failed = false

    @OptionGroup var monitor: MonitorTargetOption

    @Flag(help: "Start the VM after rearming it.")
    var start = false

    @Flag(help: "Hard-shut-down a running, paused or suspended VM first.")
    var force = false

    @Flag(help: "Print the plan without changing anything.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            try connection.refuseWithoutPVInstallPath()
            let resolver = try connection.resolver()
            switch (vm, failed) {
            case (let vm?, false):
                let (ref, record) = try resolver.resolveRefusingTemplates(vm)
                try rearm(ref, record, resolver: resolver, connection: connection, force: force)
            case (nil, true):
                let targets = try failedTargets(resolver)
                guard !targets.isEmpty else {
                    ControllerOutput.say("No VM's last watched install failed: nothing to rearm.")
                    return
                }
                ControllerOutput.say("Rearming \(targets.count) VM\(targets.count == 1 ? "" : "s") whose last install failed: "
                    + targets.map(\.record.nameLabel).joined(separator: ", "))
                for (ref, record) in targets {
                    try rearm(ref, record, resolver: resolver, connection: connection, force: true)
                }
            default:
                throw CommandFailure.usage("name one VM, or pass --failed (not both)")
            }
        }
    }

    /// The VMs whose last attempt in the ledger failed and that still exist, by name.
    private func failedTargets(_ resolver: TargetResolver) throws -> [(ref: Ref<VMRecord>, record: VMRecord)] {
        let failedUUIDs = Set(try AttemptLedger.standard.attempts().filter(\.value.failed).keys)
        return resolver.records.filter { failedUUIDs.contains($0.value.uuid) && !$0.value.isATemplate }
            .map { ($0.key, $0.value) }.sorted { $0.record.nameLabel.compare($1.record.nameLabel, options: .numeric) == .orderedAscending }
    }

    private func rearm(
        _ ref: Ref<VMRecord>, _ record: VMRecord, resolver: TargetResolver, connection: ControllerConnection, force: Bool
    ) throws {
        let plan = try RearmPlanner.plan(
            ref: ref, record: record, resolver: resolver, force: force, monitor: try monitor.arguments(self.connection))
        for warning in plan.warnings { ControllerOutput.note("xsfai: warning: \(warning)") }
        if dryRun {
            try json ? ControllerOutput.printJSON(plan) : ControllerOutput.say(describe(plan))
            return
        }
        let startsNow = start && (record.powerState == .halted || plan.shutsDownFirst)
        let outcome = try connection.controller.rearm(plan, start: startsNow)
        if json {
            try ControllerOutput.printJSON(outcome)
        } else {
            if plan.isAlreadyArmed {
                ControllerOutput.say("\(record.nameLabel) is already armed: nothing written.")
            } else {
                if plan.shutsDownFirst { ControllerOutput.say("Hard shutdown first (VM.hard_shutdown).") }
                ControllerOutput.say(ControllerOutput.text(outcome))
                if !plan.restoredFromTemplate.isEmpty, let template = plan.templateName {
                    ControllerOutput.say("Restored from template \(template): " + plan.restoredFromTemplate.joined(separator: ", "))
                }
                ControllerOutput.say("Rearmed \(record.nameLabel): the installer runs on its next boot.")
            }
            if startsNow { ControllerOutput.say("Started \(record.nameLabel).") }
        }
    }

    private func describe(_ plan: RearmPlan) -> String {
        var lines: [String] = []
        if plan.shutsDownFirst { lines.append("Hard shutdown first (VM.hard_shutdown).") }
        lines.append(ControllerOutput.text(plan.changes))
        if !plan.restoredFromTemplate.isEmpty, let template = plan.templateName {
            lines.append("Restored from template \(template): " + plan.restoredFromTemplate.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }
}

extension TargetResolver {
    /// The VM `query` names; a template of that name is refused as ``RearmError/isTemplate(_:)`` (exit 6,
    /// "refused by xsfai") rather than reported as an unknown VM.
    func resolveRefusingTemplates(_ query: String) throws -> (ref: Ref<VMRecord>, record: VMRecord) {
        do {
            return try resolve(query, kind: .vm)
        } catch TargetError.unknown {
            guard let (_, template) = try? resolve(query, kind: .template) else {
                return try resolve(query, kind: .vm)
            }
            throw RearmError.isTemplate(template.nameLabel)
        }
    }
}
