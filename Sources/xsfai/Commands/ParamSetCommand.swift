import ArgumentParser
import FAIControl

/// `xsfai template-set` and `xsfai vm-set`: set parameters of a template or VM with xe's names, as a
/// plan that is shown or applied and verified.
struct ParamSetCommand<Target: ParamSetTarget>: ParsableCommand {
    /// `template-set` or `vm-set`, also the command the journal records.
    static var commandName: String { "\(Target.kind.rawValue)-set" }

    static var configuration: CommandConfiguration {
        CommandConfiguration(
            commandName: commandName,
            abstract: "Set \(Target.kind.noun) parameters (xe names): PV-args, PV-bootloader, other-config:KEY=VALUE, …",
            discussion: """
                Parameters: PV-args, PV-bootloader, PV-bootloader-args, PV-kernel, PV-ramdisk, name-label, \
                name-description, other-config:KEY=VALUE; --remove other-config:KEY removes a key. The plan (API \
                calls as xe makes them, old and new values, the equivalent xe command) is computed first; \
                --dry-run prints it, otherwise it is applied, read back, verified and journaled.

                \(ExitStatus.helpText)
                """)
    }

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The \(Target.kind.noun): name-label, UUID or unique UUID prefix.")
    var target: String

    @Argument(help: "PARAM=VALUE assignments.")
    var assignments: [String] = []

    @Option(name: .customLong("remove"), help: "Remove an other-config key: --remove other-config:KEY (repeatable).")
    var removals: [String] = []

    @Flag(help: "Print the plan without changing anything.")
    var dryRun = false

    @Flag(help: "Write values that only draw a warning (e.g. PV-args without FAI arguments) without asking.")
    var force = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        try ControllerFailure.reporting {
            let changes = try ParamChange.parse(assignments: assignments, removals: removals)
            guard !changes.isEmpty else {
                throw CommandFailure.usage("nothing to set: give PARAM=VALUE arguments or --remove other-config:KEY")
            }
            let check = ValueCheck(changes)
            if !check.errors.isEmpty { throw CommandFailure.usage(check.errors.joined(separator: "; ")) }
            try ControllerConnection.using(connection) { connection in
                let (ref, record) = try connection.resolver().resolve(target, kind: Target.kind)
                let plan = ChangePlan(ref: ref, record: record, requested: changes)
                if dryRun || plan.isEmpty {
                    try json ? ControllerOutput.printJSON(plan) : ControllerOutput.say(ControllerOutput.text(plan))
                    return
                }
                try TerminalQuestion.requireConsent(to: ValueCheck(plan.requested).warnings, force: force)
                let outcome = try connection.controller.apply(plan, command: Self.commandName)
                try json ? ControllerOutput.printJSON(outcome) : ControllerOutput.say(ControllerOutput.text(outcome))
            }
        }
    }
}
