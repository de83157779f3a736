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
            compared. The template is the one whose UUID xsfai recorded at install, else the only template \
            named by the VM's base_template_name; when several have that name the VM is reported as \
            ambiguous-template and never fixed. --fix applies the differences as one verified, journaled \
            change set (--dry-run shows it; on a terminal it is shown and confirmed first). Exits 1 when \
            drift is found and not fixed.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "VMs to check (default: every PV VM).")
    var vms: [String] = []

    @Flag(help: "Make drifted VMs match their templates.")
    var fix = false

    @Flag(help: "With --fix: show the change set without writing it.")
    var dryRun = false

    @Flag(help: "With --fix: do not ask on a terminal.")
    var yes = false

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
            for result in results where result.status == .ambiguousTemplate {
                ControllerOutput.note("xsfai: \(result.vm): \(result.problem ?? "template ambiguous")\(fix ? "; not fixed" : "")")
            }
            var fixed = false
            if fix && !drifted.isEmpty {
                if dryRun || (!yes && TerminalQuestion.isInteractive) {
                    for result in drifted { ControllerOutput.note(ControllerOutput.text(result.plan)) }
                }
                if !dryRun && (yes || !TerminalQuestion.isInteractive || TerminalQuestion.confirm("Apply these changes to \(drifted.count) VM(s)?")) {
                    let outcome = try connection.controller.apply(drifted.map(\.plan), command: "check --fix")
                    fixed = true
                    if !json { ControllerOutput.note(ControllerOutput.text(outcome)) }
                }
            }
            if json {
                try ControllerOutput.printJSON(results)
            } else {
                ControllerOutput.say(table(results))
                if fixed {
                    ControllerOutput.say("Fixed \(drifted.count) VM(s); verified and journaled as one change set.")
                } else if !drifted.isEmpty {
                    ControllerOutput.say("\(drifted.count) VM(s) differ from their template; xsfai check --fix applies the template's values.")
                }
            }
            if fix && results.contains(where: { $0.status == .ambiguousTemplate }) { throw ExitStatus.refused.exitCode }
            if !fixed && !drifted.isEmpty { throw ExitStatus.failure.exitCode }
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
