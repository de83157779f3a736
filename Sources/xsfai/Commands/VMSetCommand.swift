import ArgumentParser
import FAIControl

/// `xsfai vm-set`: set parameters of a VM with xe's names, as a plan that is shown or applied and verified.
struct VMSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vm-set",
        abstract: "Set VM parameters (xe names): PV-args, PV-bootloader, other-config:KEY=VALUE, …",
        discussion: """
            Parameters: PV-args, PV-bootloader, PV-bootloader-args, PV-kernel, PV-ramdisk, name-label, \
            name-description, other-config:KEY=VALUE; --remove other-config:KEY removes a key. The plan (API \
            calls as xe makes them, old and new values, the equivalent xe command) is computed first; \
            --dry-run prints it, otherwise it is applied, read back, verified and journaled.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var target: String

    @Argument(help: "PARAM=VALUE assignments.")
    var assignments: [String] = []

    @Option(name: .customLong("remove"), help: "Remove an other-config key: --remove other-config:KEY (repeatable).")
    var removals: [String] = []

    @Flag(help: "Print the plan without changing anything.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        do {
            try ParamSetRunner(kind: .vm, command: "vm-set").run(
                connection: connection, target: target, assignments: assignments, removals: removals,
                dryRun: dryRun, json: json)
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
