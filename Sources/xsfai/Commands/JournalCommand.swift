import ArgumentParser
import FAIControl
import Foundation

/// `xsfai journal`: the changes xsfai applied, newest last.
struct JournalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "journal",
        abstract: "List the journaled changes (number, time, object, parameter, old and new value).",
        discussion: "The journal is $XDG_STATE_HOME/xsfai/journal.jsonl (default ~/.local/state). Exit codes: 0 success; 1 the journal cannot be read.")

    @Flag(help: "Print the entries as JSON.")
    var json = false

    struct Row: Codable {
        var number: Int
        var entry: JournalEntry
    }

    func run() throws {
        do {
            let entries = try ControllerConnection.journal.entries()
            if json {
                try ControllerOutput.printJSON(entries.map { Row(number: $0.number, entry: $0.entry) })
                return
            }
            guard !entries.isEmpty else {
                ControllerOutput.say("The journal is empty.")
                return
            }
            let formatter = ISO8601DateFormatter()
            var table = PlainTable(headers: ["#", "TIME", "OBJECT", "PARAMETER", "OLD", "NEW", "BY"])
            for numbered in entries {
                let entry = numbered.entry
                let by = entry.undoes.map { "undo of #\($0)" } ?? entry.command
                table.rows.append([
                    "\(numbered.number)", formatter.string(from: entry.time), entry.objectName, entry.parameter.xeName,
                    PlainTable.shortened(ControllerOutput.show(entry.old), to: 40),
                    PlainTable.shortened(ControllerOutput.show(entry.new), to: 40), by,
                ])
            }
            ControllerOutput.say(table.render())
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
