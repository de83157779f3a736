import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai shutdown`: stop a VM, cleanly or (with `--hard`) at once.
struct ShutdownCommand: CleanOrHardPowerCommand {
    static let configuration = CommandConfiguration(
        commandName: "shutdown", abstract: "Shut a VM down (clean; --hard to power it off at once).",
        discussion: "\(ExitStatus.helpText)")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Flag(help: "Power off at once (VM.hard_shutdown) instead of asking the guest.")
    var hard = false

    static let operation = "shutdown"
    static let outcome = "halted"

    func perform(on ref: Ref<VMRecord>, through connection: ControllerConnection) throws {
        try connection.controller.power(hard ? "VM.hard_shutdown" : "VM.clean_shutdown", ref, leaving: .halted)
    }
}
