import ArgumentParser
import FAIControl
import Foundation

/// `xsfai journal`: this pool's change sets, newest last; `--complete N` / `--roll-back N` decide an
/// interrupted or half-applied one.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List this pool's change sets; --complete N / --roll-back N decide an interrupted one.",
        discussion: """
            Each pool has its own journal, $XDG_STATE_HOME/xsfai/journal-POOL_UUID.jsonl (default \
            ~/.local/state). A change set is one operator action (rearm, vm-set, install, check --fix, undo) \
            with all its changes. A set interrupted between its intent and done records (a killed process, \
            a lost connection) is reconciled against the pool at the next command: when the pool shows it \
            half-applied, --complete N applies the rest and --roll-back N puts the old values back (a \
            created VM is destroyed). --show N prints one set in full. Unreadable lines are reported with \
            their numbers and skipped.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Option(help: "Print the change set N with every step.")
    var show: Int?

    @Option(help: "Apply the remaining changes of the interrupted change set N.")
    var complete: Int?

    @Option(name: .customLong("roll-back"), help: "Revert what the interrupted change set N applied.")
    var rollBack: Int?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let controller = connection.controller
            if let complete {
                let outcome = try controller.complete(complete)
                return try json ? ControllerOutput.printJSON(outcome) : ControllerOutput.say("Completed change set \(complete).\n" + ControllerOutput.text(outcome))
            }
            if let rollBack {
                let outcome = try controller.rollBack(rollBack)
                return try json ? ControllerOutput.printJSON(outcome) : ControllerOutput.say("Rolled back change set \(rollBack).\n" + ControllerOutput.text(outcome))
            }
            let contents = try controller.contents()
            if let show {
                guard let set = contents.set(show) else { throw JournalError.noSuchEntry(show, count: contents.sets.count) }
                return try json ? ControllerOutput.printJSON(set) : ControllerOutput.say(Self.details(set))
            }
            if json { return try ControllerOutput.printJSON(contents.sets) }
            guard !contents.sets.isEmpty else { return ControllerOutput.say("This pool's journal is empty.") }
            ControllerOutput.say(Self.table(contents).render())
        }
    }

    /// One row per change set: number, time, action, objects, steps, state.
    static func table(_ contents: JournalContents) -> PlainTable {
        let formatter = ISO8601DateFormatter()
        let reverted = contents.revertedBy
        var table = PlainTable(headers: ["#", "TIME", "ACTION", "STEPS", "STATE"])
        for set in contents.sets {
            var state = set.statusText
            if let by = reverted[set.number] { state += ", undone by #\(by)" }
            if let undoes = set.undoes { state += " (reverts #\(undoes))" }
            table.rows.append([
                "\(set.number)", formatter.string(from: set.time), set.title,
                PlainTable.shortened(set.steps.map(\.summary).joined(separator: "; "), to: 70), state,
            ])
        }
        return table
    }

    /// A change set in full.
    static func details(_ set: ChangeSet) -> String {
        var lines = ["Change set \(set.number): \(set.title), \(ISO8601DateFormatter().string(from: set.time)), \(set.statusText)"]
        if let creation = set.creation {
            lines.append("  creates \(creation.name) from \(creation.templateName) (\(creation.method), marker \(creation.marker))")
        }
        let states = set.states ?? []
        for (index, step) in set.steps.enumerated() {
            lines.append("  \(index + 1). \(step.summary)" + (index < states.count ? " [\(states[index].rawValue)]" : ""))
        }
        if let note = set.note { lines.append("  note: \(note)") }
        return lines.joined(separator: "\n")
    }
}
