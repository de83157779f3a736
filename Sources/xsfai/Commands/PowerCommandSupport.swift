import FAIControl
import XenAPI

/// Turns the API's power-state errors into sentences an operator reads at a glance.
enum PowerStateMessage {
    /// The sentence for `error` from `operation` on the VM `name`, or `nil` when it is not a power-state error.
    static func refusal(_ error: any Error, operation: String, name: String) -> ControllerRefusal? {
        guard let error = error as? XenAPIError else { return nil }
        switch error.code {
        case .vmBadPowerState:
            let actual = error.parameters.count > 2 ? error.parameters[2] : "in another state"
            let expected = error.parameters.count > 1 ? error.parameters[1] : "?"
            if operation == "start" && actual == "running" { return ControllerRefusal(message: "\(name) is already running", status: .serverRefused) }
            if operation.contains("shutdown") && actual == "halted" { return ControllerRefusal(message: "\(name) is already halted", status: .serverRefused) }
            return ControllerRefusal(message: "\(name) is \(actual); \(operation) needs it \(expected)", status: .serverRefused)
        case .vmIsTemplate:
            return ControllerRefusal(message: "\(name) is a template; templates cannot be started (xsfai install makes a VM)", status: .serverRefused)
        case .bootloaderFailed, .unknownBootloader, .otherOperationInProgress, .noHostsAvailable:
            return ControllerRefusal(message: "\(name) could not \(operation): \(error.message)", status: .serverRefused)
        default:
            return nil
        }
    }
}
