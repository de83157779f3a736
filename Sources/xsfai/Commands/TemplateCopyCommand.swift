import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai template-copy`: XenCenter's "Copy Template…" — a new template from an existing one.
struct TemplateCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template-copy",
        abstract: "Copy a template under a new name (VM.clone, or VM.copy to --sr).",
        discussion: """
            The copy keeps the template's PV-args, bootloader and other-config (install keys, disks); xapi \
            records the source in other-config:base_template_name.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The template to copy: name-label, UUID or unique UUID prefix.")
    var template: String

    @Option(help: "The new template's name-label.")
    var name: String

    @Option(help: "The new template's description.")
    var description: String?

    @Option(help: "Make a full copy on this SR (name-label or UUID) instead of a fast clone.")
    var sr: String?

    @Flag(help: "Accept a name another VM or template already has (names are not identities).")
    var allowDuplicateName = false

    @Flag(help: "Print the plan (every call and the equivalent xe commands) without changing anything.")
    var dryRun = false

    @Flag(help: "Print the result (with --dry-run: the plan) as JSON.")
    var json = false

    struct Result: Codable {
        var name: String
        var uuid: String
        var source: String
        var method: String
    }

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let resolver = try connection.resolver()
            let (ref, record) = try resolver.resolve(template, kind: .template)
            let plan = try connection.controller.planTemplateCopy(
                ref, record, name: name, description: description, sr: sr, allowDuplicateName: allowDuplicateName,
                existing: resolver.records)
            if dryRun {
                try json ? ControllerOutput.printJSON(plan) : ControllerOutput.say(ControllerOutput.text(plan))
                return
            }
            let created = try connection.controller.execute(plan)
            let copy = (uuid: created.record.uuid, nameLabel: name)
            let result = Result(name: copy.nameLabel, uuid: copy.uuid, source: record.nameLabel, method: plan.creation.method)
            if json {
                try ControllerOutput.printJSON(result)
            } else {
                ControllerOutput.say("Copied template \(record.nameLabel) to \(copy.nameLabel) (\(copy.uuid)) with \(result.method).")
            }
        }
    }
}
