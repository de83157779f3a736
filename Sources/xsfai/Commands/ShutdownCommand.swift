import ArgumentParser
import FAIControl
import XenAPI

/// `xsfai shutdown`: stop a VM, cleanly or (with `--hard`) at once.
struct ShutdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shutdown", abstract: "Shut a VM down (clean; --hard to power it off at once).",
        discussion: "\(ExitStatus.helpText)")

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Flag(help: "Power off at once (VM.hard_shutdown) instead of asking the guest.")
    var hard = false

    func run() throws {
        do {
            let connection = try ControllerConnection(self.connection)
            defer { connection.close() }
            let (ref, record) = try connection.resolver().resolve(vm, kind: .vm)
            do {
                if hard { try connection.session.vm.hardShutdown(ref) } else { try connection.session.vm.cleanShutdown(ref) }
            } catch {
                throw PowerStateMessage.refusal(error, operation: hard ? "hard shutdown" : "shutdown", name: record.nameLabel) ?? error
            }
            print("\(record.nameLabel) is halted.")
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
