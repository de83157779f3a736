import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// Maps the controller commands' errors to their messages and ``ExitStatus`` codes.
enum ControllerFailure {
    /// Prints `error` to stderr and returns its exit code.
    static func report(_ error: any Error) -> ExitCode {
        let refused: (String, ExitStatus)? =
            switch error {
            case let error as TargetError: (error.description, .usage)
            case let error as ParamSpecError: (error.description, .usage)
            case let error as ProfileConfigError: (error.description, .usage)
            case let error as RearmError: (error.description, .refused)
            case let error as DestroyError: (error.description, .refused)
            case let error as UndoRefusal: (error.description, .refused)
            case InstallError.unknownSR, InstallError.badRepository: ("\(error)", .usage)
            case let error as InstallError: (error.description, .refused)
            case JournalError.noSuchEntry: ("\(error)", .usage)
            case let error as JournalError: (error.description, .failure)
            case let error as PendingChangeError: (error.description, .refused)
            case let error as ChangeSetError: (error.description, exitStatus(of: error.kind))
            case let error as ControllerRefusal: (error.message, error.status)
            case FAIKit.Error.filesExist: ("\(error)", .refused)
            case FAIKit.Error.invalidName, FAIKit.Error.invalidRepositoryRoot: ("\(error)", .usage)
            default: nil
            }
        guard let (message, code) = refused else { return CommandFailure.report(error) }
        ControllerOutput.note("xsfai: \(message)")
        return code.exitCode
    }

    private static func exitStatus(of kind: ChangeSetError.Kind) -> ExitStatus {
        switch kind {
        case .serverRefused: .serverRefused
        case .connection: .connectionFailed
        case .verification, .journal: .failure
        }
    }

    /// Runs `body` and returns its value; an `ExitCode` it throws passes through, any other error is reported.
    static func reportingValue<Value>(_ body: () throws -> Value) throws -> Value {
        do {
            return try body()
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw report(error)
        }
    }

    /// Runs a command's body; an `ExitCode` it throws passes through, any other error is reported.
    static func reporting(_ body: () throws -> Void) throws {
        try reportingValue(body)
    }
}

/// A plain-language refusal with its exit code (power-state errors, failed checks).
struct ControllerRefusal: Error {
    let message: String
    let status: ExitStatus
}
