import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai undo`: revert the newest journal entry (or `--entry N`) unless someone changed it since.
struct UndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Revert the newest journaled change (or --entry N).",
        discussion: """
            Reads the journal ($XDG_STATE_HOME/xsfai/journal.jsonl), checks that the parameter still holds \
            the value the entry wrote — refusing, with the difference, if someone changed it since — and \
            writes the old value back (the undo is journaled too).

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "The journal entry number to revert (see xsfai journal).")
    var entry: Int?

    @Flag(help: "Print the plan without changing anything.")
    var dryRun = false

    @Flag(help: "Print the plan as JSON.")
    var json = false

    func run() throws {
        try ControllerFailure.reporting {
            let chosen = try UndoPlanner.entryToUndo(entry, in: ControllerConnection.journal.entries())
            try ControllerConnection.using(connection) { connection in
                let ref = try connection.session.vm.getByUUID(chosen.entry.objectUUID)
                let record = try connection.session.vm.getRecord(ref)
                let context = try connection.journalContext(command: "undo", undoes: chosen.number)
                let plan = try UndoPlanner.plan(undoing: chosen, ref: ref, record: record, pool: context.pool)
                if !dryRun { try connection.apply(plan, context: context) }
                if json {
                    try ControllerOutput.printJSON(plan)
                } else {
                    ControllerOutput.say(ControllerOutput.text(plan))
                    if !dryRun { ControllerOutput.say("Reverted entry \(chosen.number); verified and journaled.") }
                }
            }
        }
    }
}
