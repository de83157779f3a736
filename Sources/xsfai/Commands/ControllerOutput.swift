import FAIControl
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// How the controller commands print: JSON for scripts, plain text for people.
enum ControllerOutput {
    /// Prints `value` as pretty, key-sorted JSON.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Writes a line to stderr (progress and notes that are not the command's result), after
    /// flushing stdout, so with both streams into one file lines appear in the order they happened.
    static func note(_ text: String) {
        fflush(nil)  // every output stream: stdout is the one with buffered lines
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// A value for people: quoted, or `absent`.
    static func show(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "absent"
    }

    /// A plan as text: the object, each change old → new, the API calls, and the equivalent xe commands.
    static func text(_ plan: ChangePlan) -> String {
        let kind = plan.target.isTemplate ? "template" : "VM"
        var lines = ["\(kind) \(plan.target.nameLabel) (\(plan.target.uuid))"]
        if plan.isEmpty { lines.append("  nothing to change") }
        for change in plan.changes {
            lines.append("  \(change.parameter.xeName): \(show(change.old)) -> \(show(change.new))")
        }
        for parameter in plan.unchanged {
            lines.append("  \(parameter.xeName): already set")
        }
        if !plan.isEmpty {
            lines.append("API calls:")
            lines += plan.calls.map { "  \($0)" }
            lines.append("Equivalent xe:")
            lines += plan.xeCommands.map { "  \($0)" }
        }
        return lines.joined(separator: "\n")
    }
}
