import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai destroy`: remove a halted VM (or a custom template) and the disks only it uses, to clean up
/// failed test installs. Journaled; it cannot be undone.
struct DestroyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "destroy",
        abstract: "Destroy a halted VM or a custom template and its disks (journaled; cannot be undone).",
        discussion: """
            Lists the disks first (VBDs of type Disk; CD drives and disks other VMs use are left alone), \
            then calls VM.destroy and VDI.destroy for each disk, as xe vm-uninstall does. --keep-disks \
            destroys only the VM record. Running VMs and vendor default templates are refused (exit 6). \
            The journal records the destroy; xsfai undo refuses it.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM or custom template: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Flag(help: "Destroy only the VM record; its disks stay.")
    var keepDisks = false

    @Flag(help: "Print what would be destroyed without changing anything.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let (ref, _) = try connection.resolver().resolve(vm, kind: .any)
            let plan = try connection.controller.destroyPlan(ref, keepDisks: keepDisks)
            if dryRun {
                try json ? ControllerOutput.printJSON(plan) : ControllerOutput.say(describe(plan))
                return
            }
            let outcome = try connection.controller.destroy(plan)
            if json {
                try ControllerOutput.printJSON(outcome)
            } else {
                let disks = plan.disksToDestroy.count
                ControllerOutput.say(describe(plan))
                ControllerOutput.say("Destroyed \(plan.name)" + (disks == 0 ? "" : " and \(disks) disk(s)")
                    + " (change set \(outcome.set?.number ?? 0), verified; a destroy cannot be undone).")
            }
        }
    }

    private func describe(_ plan: DestroyPlan) -> String {
        var lines = ["Destroy " + plan.confirmationText]
        lines.append("API calls:")
        lines += plan.calls.map { "  \($0)" }
        lines.append("Equivalent xe:")
        lines += plan.xeCommands.map { "  \($0)" }
        return lines.joined(separator: "\n")
    }
}
