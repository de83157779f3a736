import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai install`: a new VM from a template, as `xe vm-install`, keeping the template's install settings.
struct InstallCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Create a VM from a template (as xe vm-install) that keeps its PV-args and install keys.",
        discussion: """
            Clones the template (or copies it to --sr), sets the description, points the disks XML at the \
            SR and provisions, as xe vm-install does; then makes sure the VM carries the template's PV-args \
            and install-repository, install-distro, debian-release and install-arch (--repo replaces the \
            repository), gives it a network interface as xe vif-create does (--network, or the pool's only \
            network for guests when the template has none), verified and journaled, and says what it had to add. --start boots it; --watch \
            boots it and follows the install like console --until-done (exit 0/3/4/5 as there).

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The template: name-label, UUID or unique UUID prefix.")
    var template: String

    @Option(help: "The new VM's name-label; repeat for a batch (--name web01 --name web02 …).")
    var name: [String] = []

    @Option(help: "A batch of names from a pattern with a numeric range, e.g. 'web[01-20]'.")
    var names: String?

    @OptionGroup var monitorSource: MonitorOptions

    @Option(help: "The install repository URL, replacing the template's install-repository.")
    var repo: String?

    @Option(help: "Copy the disks to this SR (name-label or UUID) instead of cloning.")
    var sr: String?

    @Option(help: ArgumentHelp(
        "Give the VM a VIF on this network (name-label or UUID); repeat for more NICs (device 0, 1, …).",
        discussion: "Default: when the template has no VIF, the pool's only network for guests."))
    var network: [String] = []

    @Flag(help: "Give the VM no network interface of its own (only what the template's clone copies).")
    var noNetwork = false

    @Flag(help: "Accept a name another VM or template already has (names are not identities).")
    var allowDuplicateName = false

    @Flag(help: "Install even when the template's PV-args lack FAI arguments, without asking.")
    var force = false

    @OptionGroup var monitor: MonitorTargetOption

    @Flag(help: "Start the new VM.")
    var start = false

    @Flag(help: "Start the new VM and follow its install until done (implies --start).")
    var watch = false

    @Option(help: "With --watch: give up after this many seconds (exit 5); default: derived from the hang detector's limits.")
    var timeout: Int?

    @Option(help: "With --watch: append a timestamped plain-text console capture to this file (mode 0600).")
    var log: String?

    @Flag(help: "Print the plan (every call and the equivalent xe commands) without changing anything.")
    var dryRun = false

    @Flag(help: "For a batch on a terminal: create without asking.")
    var yes = false

    @Flag(help: "Print the report (with --dry-run: the plan) as JSON.")
    var json = false

    /// Every name asked for, in order.
    func allNames() throws -> [String] {
        var all = name
        if let names {
            do { all += try NamePattern.expand(names) } catch { throw CommandFailure.usage("\(error)") }
        }
        guard !all.isEmpty else { throw CommandFailure.usage("no name: pass --name NAME (repeatable) or --names 'web[01-20]'") }
        if let twice = Dictionary(grouping: all, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw CommandFailure.usage("the name \(twice) is asked for twice")
        }
        return all
    }

    func validate() throws {
        if noNetwork && !network.isEmpty { throw ValidationError("--no-network and --network exclude each other") }
    }

    func run() throws {
        let all = try ControllerFailure.reportingValue { try allNames() }
        guard all.count == 1, let name = all.first else {
            try BatchInstall(command: self, names: all).run()
            return
        }
        try ControllerConnection.run(connection) { connection in
            try connection.refuseWithoutPVInstallPath()
            let resolver = try connection.resolver()
            let (templateRef, templateRecord) = try resolver.resolve(template, kind: .template)
            try requireConsent(for: templateRecord)
            let plan = try plan(
                name, templateRef: templateRef, template: templateRecord, monitor: try monitor.arguments(self.connection),
                connection: connection, existing: resolver.records)
            if dryRun {
                try json ? ControllerOutput.printJSON(plan) : ControllerOutput.say(ControllerOutput.text(plan.creation))
                return
            }
            let report = try connection.controller.install(plan)
            if json { try ControllerOutput.printJSON(report) } else { ControllerOutput.say(describe(report)) }
            guard plan.creation.startsAfter else { return }
            let ref = Ref<VMRecord>(report.ref)
            if watch {
                let source = PoolCacheConsoleSource(session: connection.session, connector: connection.consoles)
                source.start()
                defer { source.stop() }
                let follower = ConsoleFollower(vm: ref, source: source)
                try connection.controller.start(ref)
                ControllerOutput.note("Started \(name); following its install.")
                let watch = ConsoleWatch(follower: follower, vmName: name, log: try ConsoleWatch.openLog(log))
                let code = watch.untilDone(timeout: timeout.map { .seconds($0) })
                try? AttemptLedger.standard.record(
                    AttemptLedger.Attempt(name: name, exitCode: code, summary: "\(name): exit \(code)", time: Date().timeIntervalSince1970),
                    uuid: report.uuid)
                if code != 0 { throw ExitCode(code) }
            } else {
                try connection.controller.start(ref)
                if !json { ControllerOutput.say("Started \(name).") }
            }
        }
    }

    /// Asks (or refuses without `--force`) when the template's PV-args lack FAI arguments; a dry run only warns.
    func requireConsent(for template: VMRecord) throws {
        let warnings = KernelArgumentCheck.warning(template.pvArgs).map { ["\(template.nameLabel): \($0)"] } ?? []
        if dryRun {
            for warning in warnings { ControllerOutput.note("xsfai: warning: \(warning)") }
        } else {
            try TerminalQuestion.requireConsent(to: warnings, force: force)
        }
    }

    /// The install of `name`, planned by the controller (nothing written), starting after when asked.
    func plan(
        _ name: String, templateRef: Ref<VMRecord>, template: VMRecord, monitor: MonitorKernelArguments?, connection: ControllerConnection,
        existing: [Ref<VMRecord>: VMRecord]
    ) throws -> InstallPlan {
        var request = InstallRequest(
            name: name, template: self.template, repository: repo, sr: sr, allowDuplicateName: allowDuplicateName,
            monitor: monitor, networks: network)
        request.withoutNetwork = noNetwork
        var plan = try connection.controller.planInstall(request, templateRef: templateRef, template: template, existing: existing)
        plan.creation.startsAfter = start || watch
        return plan
    }

    private func describe(_ report: InstallReport) -> String {
        var lines = ["Created \(report.name) (\(report.uuid)) from \(report.template) with \(report.method)"
            + (report.srUUID.map { "; disks on SR \($0)" } ?? "") + "."]
        let carried = report.carried
        if carried.isEmpty {
            lines.append("It kept the template's PV-args and install keys: nothing to add.")
        } else {
            lines.append("Made it carry the template's install settings (verified, change set \(report.changeSet)):")
            for change in carried.changes {
                var why = change.parameter == .otherConfig(InstallKeys.repository) && repo != nil ? " (--repo)" : ""
                if change.parameter == .pvArgs, change.new?.contains("FAI_MONITOR_PORT=") == true { why = " (monitor)" }
                lines.append("  \(change.parameter.xeName): \(ControllerOutput.show(change.old)) -> \(ControllerOutput.show(change.new))\(why)")
            }
        }
        return (lines + Self.describeInterfaces(report)).joined(separator: "\n")
    }

    /// The VIFs an install made (device, network, MAC, the `xe` command), or why it made none.
    static func describeInterfaces(_ report: InstallReport) -> [String] {
        var lines = report.networkNote.map { ["Network: \($0)."] } ?? []
        for interface in report.interfaces {
            lines.append("  VIF \(interface.device) on \(interface.network), MAC \(interface.mac.isEmpty ? "unknown" : interface.mac): \(interface.xeCommand)")
        }
        return lines
    }
}
