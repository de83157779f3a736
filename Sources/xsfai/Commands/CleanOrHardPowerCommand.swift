import ArgumentParser
import FAIControl
import XenAPI

/// What `reboot` and `shutdown` share: one VM, asked cleanly or (with `--hard`) done at once, with
/// power-state refusals in plain words and one line saying where the VM is afterwards.
protocol CleanOrHardPowerCommand: ParsableCommand {
    /// How to reach the pool.
    var connection: ConnectionOptions { get }
    /// The VM: name-label, UUID or unique UUID prefix.
    var vm: String { get }
    /// Whether to act at once instead of asking the guest.
    var hard: Bool { get }
    /// The operation for messages: `reboot`, `shutdown` (`hard ` is put before it with `--hard`).
    static var operation: String { get }
    /// Where the VM is afterwards, for the last line: `rebooting`, `halted`.
    static var outcome: String { get }
    /// Carries out the clean or hard operation on `ref`.
    func perform(on ref: Ref<VMRecord>, through connection: ControllerConnection) throws
}

extension CleanOrHardPowerCommand {
    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let name = try connection.changePowerState(of: vm, kind: .vm, operation: (hard ? "hard " : "") + Self.operation) {
                try perform(on: $0, through: connection)
            }
            ControllerOutput.say("\(name) is \(Self.outcome).")
        }
    }
}
