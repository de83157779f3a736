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
        do {
            let connection = try ControllerConnection(self.connection)
            defer { connection.close() }
            let (ref, record) = try connection.resolver().resolve(vm, kind: .any)
            do {
                try connection.session.vm.start(ref)
            } catch {
                throw PowerStateMessage.refusal(error, operation: "start", name: record.nameLabel) ?? error
            }
            print("Started \(record.nameLabel).")
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
