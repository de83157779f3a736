import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai undo`: revert the newest change set of this pool (or `--entry N`) as a whole.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the newest change set of this pool (or --entry N), all its changes, newest first.",
        discussion: """
            Reads this pool's journal ($XDG_STATE_HOME/xsfai/journal-POOL.jsonl) and reverts the whole change \
            set — a rearm's bootloader and install-distro together — in reverse order, then reads back and \
            verifies (the undo is a change set too). Per parameter: already back at the old value → nothing \
            to do; still the value the set wrote → reverted; anything else → refused, naming every \
            difference, except eliloader's own switch to pygrub and removal of install-distro at an \
            install's first boot, which is recognised and explained. A refused set never blocks older ones: \
            --entry N picks another (xsfai journal lists them).

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The change set number to revert (see xsfai journal).")
    var entry: Int?

    @Flag(help: "Print the plan without changing anything.")
    var dryRun = false

    @Flag(help: "Print the result as JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let controller = connection.controller
            if dryRun {
                let set = try UndoPlanner.setToUndo(entry, in: controller.contents())
                let plan = try UndoPlanner.plan(undoing: set, objects: try controller.objects(of: set))
                if json { return try ControllerOutput.printJSON(plan.plans) }
                ControllerOutput.say("Undo of change set \(set.number) (\(set.title)) would write:")
                for line in plan.plans.map(ControllerOutput.text) { ControllerOutput.say(line) }
                for note in plan.notes { ControllerOutput.say("Note: \(note)") }
                return
            }
            let outcome = try controller.undo(entry)
            try json ? ControllerOutput.printJSON(outcome) : ControllerOutput.say(ControllerOutput.text(outcome))
        }
    }
}
