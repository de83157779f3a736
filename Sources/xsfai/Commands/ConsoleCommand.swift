import ArgumentParser
import FAIControl
import Foundation
import XenAPI

/// `xsfai console`: the VM's text console, from power-on and across reboots.
struct ConsoleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console",
        abstract: "Attach to a VM's text console (waits for power-on, follows reboots).",
        discussion: """
            On a terminal: a raw relay like xe console (Ctrl-] quits; the terminal is restored on every exit \
            path); guest control sequences other than colours are filtered out. Piped: the raw stream. A \
            halted or booting VM is waited for on the event stream, and each new console after a reboot is \
            attached, so the whole install is captured. --log FILE appends a capture (mode 0600 from creation; \
            an existing file others may read is refused): timestamped plain text, escape sequences stripped, \
            or with --raw the bytes exactly as received.

            --until-done reads FAI progress (to stderr) instead of printing the console, prints a one-line \
            summary and exits 0 when FAI succeeded, 3 when it failed, 4 when the VM did not boot into FAI \
            (kernel panic, no NFS root), 5 on --timeout or a hang. \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The VM: name-label, UUID or unique UUID prefix.")
    var vm: String

    @Option(help: "Append a timestamped plain-text capture of the console to this file (mode 0600).")
    var log: String?

    @Flag(help: "With --log: write the console's bytes exactly as received (escapes kept, no timestamps).")
    var raw = false

    @Flag(help: "Follow the FAI install until it succeeds, fails or hangs; exit 0/3/4/5.")
    var untilDone = false

    @Option(help: "With --until-done: give up after this many seconds (exit 5); default: derived from the hang detector's limits.")
    var timeout: Int?

    func run() throws {
        do {
            let connection = try ControllerConnection(self.connection)
            defer { connection.close() }
            let (ref, record) = try connection.resolver().resolve(vm, kind: .vm)
            let source = PoolCacheConsoleSource(session: connection.session, connector: connection.consoles)
            source.start()
            defer { source.stop() }
            let follower = ConsoleFollower(vm: ref, source: source)
            let watch = ConsoleWatch(follower: follower, vmName: record.nameLabel, log: try ConsoleWatch.openLog(log, raw: raw))
            if untilDone {
                let code = watch.untilDone(timeout: timeout.map { .seconds($0) })
                if code != 0 { throw ExitCode(code) }
            } else {
                watch.relay()
            }
        } catch let exit as ExitCode {
            throw exit
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
