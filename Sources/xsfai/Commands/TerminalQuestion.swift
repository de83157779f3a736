import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A yes/no question asked on the operator's terminal before a change.
enum TerminalQuestion {
    /// Whether stdin and stderr are a terminal, so a question can be asked and answered.
    static var isInteractive: Bool { isatty(STDIN_FILENO) == 1 && isatty(STDERR_FILENO) == 1 }

    /// Asks `question` on stderr and reads the answer from stdin; only `y`/`yes` is yes. Returns false
    /// without asking when there is no terminal.
    static func confirm(_ question: String) -> Bool {
        guard isInteractive else { return false }
        ControllerOutput.note("\(question) [y/N] ")
        guard let answer = readLine() else { return false }
        return ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// Goes on when there are no `warnings`, when `force` is set, or when the operator answers y;
    /// else refuses naming the warnings and `--force`.
    static func requireConsent(to warnings: [String], force: Bool) throws {
        guard !warnings.isEmpty, !force else { return }
        for warning in warnings { ControllerOutput.note("xsfai: warning: \(warning)") }
        if confirm("Write it anyway?") { return }
        throw ControllerRefusal(message: "not written: \(warnings.joined(separator: "; ")); add --force to write it anyway", status: .refused)
    }
}
