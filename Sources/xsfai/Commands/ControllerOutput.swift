import FAIControl
import Foundation
import TerminalSafety
import XMLRPC
#if canImport(Glibc)
import Glibc
#endif

/// How the commands print: JSON for scripts, plain text for people; both safe for a terminal.
///
/// Text holds strings from the pool (names, error descriptions) and from guests: every line printed
/// for people passes ``TerminalSanitizer`` (controls shown as `\e`, `\x9b`…), and JSON escapes DEL and
/// C1 controls as well as C0 (`JSONEncoder` leaves U+007F–U+009F raw).
enum ControllerOutput {
    /// Prints `value` as pretty, key-sorted JSON.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        print(escapingControls(String(decoding: try encoder.encode(value), as: UTF8.self)))
    }

    /// Prints `rows` as a pretty JSON array, each row writing its keys sorted: the same text as
    /// ``printJSON(_:)-(Value)`` gives, without `JSONEncoder`'s cost for thousands of rows, written in
    /// 64 KiB pieces (the text of a 100,000-VM listing is never held whole).
    static func printJSON<Row: JSONWritable>(rows: [Row]) {
        fflush(nil)  // lines printed before, still buffered, come first
        var writer = JSONWriter()
        writer.array(of: rows, pieceSize: 64 * 1024) { FileHandle.standardOutput.write(Data($0)) }
        FileHandle.standardOutput.write(Data([0x0A]))
    }

    /// Prints text for people to stdout, controls shown as visible escapes.
    static func say(_ text: String) {
        print(text.terminalSafe)
    }

    /// Writes a line to stderr (progress, notes and errors that are not the command's result),
    /// controls shown as visible escapes, after flushing stdout, so with both streams into one file
    /// lines appear in the order they happened.
    static func note(_ text: String) {
        fflush(nil)  // every output stream: stdout is the one with buffered lines
        FileHandle.standardError.write(Data((text.terminalSafe + "\n").utf8))
    }

    /// JSON text with DEL and C1 controls written as `\u00XX` (they only occur inside strings).
    static func escapingControls(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: { (0x7F...0x9F).contains($0.value) }) else { return json }
        var escaped = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if (0x7F...0x9F).contains(scalar.value) {
                escaped.append(contentsOf: "\\u00\(String(scalar.value, radix: 16))".unicodeScalars)
            } else {
                escaped.append(scalar)
            }
        }
        return String(escaped)
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
