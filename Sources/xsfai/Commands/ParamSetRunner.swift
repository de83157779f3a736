import FAIControl
import Foundation
import XenAPI

/// What `template-set` and `vm-set` share: plan the changes, print or apply them, verify, journal.
struct ParamSetRunner {
    let kind: TargetKind
    let command: String

    func run(
        connection options: ConnectionOptions, target: String, assignments: [String], removals: [String],
        dryRun: Bool, json: Bool
    ) throws {
        let changes = try ParamChange.parse(assignments: assignments, removals: removals)
        guard !changes.isEmpty else {
            throw CommandFailure.usage("nothing to set: give PARAM=VALUE arguments or --remove other-config:KEY")
        }
        let connection = try ControllerConnection(options)
        defer { connection.close() }
        let (ref, record) = try connection.resolver().resolve(target, kind: kind)
        let plan = ChangePlan(ref: ref, record: record, requested: changes)
        if dryRun || plan.isEmpty {
            try json ? ControllerOutput.printJSON(plan) : print(ControllerOutput.text(plan))
            return
        }
        try PlanExecutor(api: connection.session, journal: ControllerConnection.journal)
            .apply(plan, context: connection.journalContext(command: command))
        if json {
            try ControllerOutput.printJSON(plan)
        } else {
            print(ControllerOutput.text(plan))
            print("Applied and verified; \(plan.changes.count) change(s) journaled (xsfai undo reverts the last).")
        }
    }
}
