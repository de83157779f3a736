import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai reboot`: restart a running VM, cleanly or (with `--hard`) at once.
struct RebootCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reboot", abstract: "Reboot a running VM (clean; --hard to reset it at once).",
        discussion: "\(ExitStatus.helpText)")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Flag(help: "Reset at once (VM.hard_reboot) instead of asking the guest.")
    var hard = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let name = try connection.changePowerState(of: vm, kind: .vm, operation: hard ? "hard reboot" : "reboot") {
                if hard { try connection.session.vm.hardReboot($0) } else { _ = try connection.session.call("VM.clean_reboot", [.string($0.rawValue)]) }
            }
            ControllerOutput.say("\(name) is rebooting.")
        }
    }
}
