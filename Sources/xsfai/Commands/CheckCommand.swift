import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai check`: compare VMs' PV-args and install keys with their templates; `--fix` applies the plan.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Find VMs whose PV-args or install keys differ from their template (the XenCenter bug).",
        discussion: """
            Compares PV-args, install-repository, debian-release and install-arch of each PV VM with its \
            template (other-config:base_template_name); parameters the template leaves empty are not \
            compared. --fix applies the differences as a verified, journaled plan. Exits 1 when drift is \
            found and not fixed.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "VMs to check (default: every PV VM).")
    var vms: [String] = []

    @Flag(help: "Make drifted VMs match their templates.")
    var fix = false

    @Flag(help: "Print the results as JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let resolver = try connection.resolver()
            let results: [DriftResult]
            if vms.isEmpty {
                results = DriftChecker.checkAll(resolver: resolver)
            } else {
                results = try vms.map { query in
                    let (ref, record) = try resolver.resolve(query, kind: .vm)
                    return DriftChecker.check(ref, record, resolver: resolver)
                }
            }
            let drifted = results.filter { $0.status == .drifted }
            if fix && !drifted.isEmpty {
                let context = try connection.journalContext(command: "check --fix")
                for result in drifted { try connection.apply(result.plan, context: context) }
            }
            if json {
                try ControllerOutput.printJSON(results)
            } else {
                ControllerOutput.say(table(results))
                if fix && !drifted.isEmpty {
                    ControllerOutput.say("Fixed \(drifted.count) VM(s); verified and journaled.")
                } else if !drifted.isEmpty {
                    ControllerOutput.say("\(drifted.count) VM(s) differ from their template; xsfai check --fix applies the template's values.")
                }
            }
            if !fix && !drifted.isEmpty { throw ExitStatus.failure.exitCode }
        }
    }

    private func table(_ results: [DriftResult]) -> String {
        var table = PlainTable(headers: ["VM", "TEMPLATE", "STATUS", "DIFFERENCES (VM -> template)"])
        for result in results {
            let differences = result.plan.changes.map {
                "\($0.parameter.xeName): \(ControllerOutput.show($0.old)) -> \(ControllerOutput.show($0.new))"
            }
            table.rows.append([
                result.vm, result.template ?? "-", result.status.rawValue,
                differences.isEmpty ? "-" : differences.joined(separator: "; "),
            ])
        }
        return table.render()
    }
}
