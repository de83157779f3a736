import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai start`: boot a VM.
struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start", abstract: "Start a VM.",
        discussion: "\(ExitStatus.helpText)")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let name = try connection.changePowerState(of: vm, kind: .any, operation: "start") {
                try connection.controller.start($0)
            }
            ControllerOutput.say("Started \(name).")
        }
    }
}
