import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// Exit codes of the controller commands, and the mapping of their errors to them.
///
/// 0 success; 1 other failure, drift found (`check` without `--fix`) or a failed preflight; 2 usage
/// (bad parameter, unknown or ambiguous name, bad config); 3 connection failure; 4 login failed;
/// 5 the server refused an operation; 6 xsfai refused (rearm of a template or a running VM without
/// `--force`, undo after an outside change, missing install keys). `console --until-done` uses its own
/// codes: 0 FAI succeeded, 3 FAI failed, 4 no boot, 5 timeout or hang.
enum ControllerFailure {
    /// The exit-code table for command help.
    static let exitCodes = """
        Exit codes: 0 success; 1 other failure; 2 usage error (bad parameter, unknown or ambiguous name, \
        bad config); 3 connection failed; 4 login failed; 5 the server refused an operation; 6 refused by \
        xsfai (e.g. rearm without --force on a running VM, undo after an outside change).
        """

    /// Prints `error` to stderr and returns its exit code.
    static func report(_ error: any Error) -> ExitCode {
        let refused: (String, Int32)? =
            switch error {
            case let error as TargetError: (error.description, 2)
            case let error as ParamSpecError: (error.description, 2)
            case let error as ProfileConfigError: (error.description, 2)
            case let error as RearmError: (error.description, 6)
            case let error as UndoRefusal: (error.description, 6)
            case let error as InstallError: (error.description, 6)
            case let error as JournalError: (error.description, 1)
            case let error as PlanExecutionError: (error.description, error.underlying is XenAPIError ? 5 : 1)
            case let error as ControllerRefusal: (error.message, error.exitCode)
            default: nil
            }
        guard let (message, code) = refused else { return CommandFailure.report(error) }
        FileHandle.standardError.write(Data("xsfai: \(message)\n".utf8))
        return ExitCode(code)
    }
}

/// A plain-language refusal with its exit code (power-state errors, failed checks).
struct ControllerRefusal: Error {
    let message: String
    let exitCode: Int32
}
