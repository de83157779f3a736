import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai reboot`: restart a running VM, cleanly or (with `--hard`) at once.
struct RebootCommand: CleanOrHardPowerCommand {
    static let configuration = CommandConfiguration(
        commandName: "reboot", abstract: "Reboot a running VM (clean; --hard to reset it at once).",
        discussion: "\(ExitStatus.helpText)")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Flag(help: "Reset at once (VM.hard_reboot) instead of asking the guest.")
    var hard = false

    static let operation = "reboot"
    static let outcome = "rebooting"

    func perform(on ref: Ref<VMRecord>, through connection: ControllerConnection) throws {
        if hard { try connection.session.vm.hardReboot(ref) } else { _ = try connection.session.call("VM.clean_reboot", [.string(ref.rawValue)]) }
    }
}
