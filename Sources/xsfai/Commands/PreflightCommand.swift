import ArgumentParser
import CurlTransport
import FAIControl
import Foundation
import XenAPI

extension CurlURLProber: URLProber {}

/// `xsfai preflight`: what eliloader will fetch and what FAI needs, checked before an install.
struct PreflightCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preflight",
        abstract: "Check a template or VM before an install: bootloader, keys, kernel/initrd URLs, PV-args.",
        discussion: """
            Checks PV-bootloader=eliloader, install-distro and the keys it needs, HTTP HEAD of the kernel and \
            initrd URLs eliloader will fetch (debianlike and rhlike layouts), console=hvc0, an NFS root and \
            FAI_ACTION in PV-args, and warns when the pool runs a version known to ship without eliloader \
            (XCP-ng 8.3). Exits 0 only when every check passes (warnings allowed), 1 otherwise.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var connection: ConnectionOptions

    @Argument(help: "The template or VM: name-label, UUID or unique UUID prefix.")
    var target: String

    @Option(help: "Seconds to wait for each HEAD request.")
    var urlTimeout = 10

    @Flag(help: "Print the report as JSON.")
    var json = false

    func run() throws {
        try ControllerConnection.run(connection) { connection in
            let (_, record) = try connection.resolver().resolve(target, kind: .any)
            let hosts = Array(try connection.session.host.getAllRecords().values)
            let report = Preflight(prober: CurlURLProber(timeout: .seconds(max(1, urlTimeout)))).run(record, hosts: hosts)
            if json {
                try ControllerOutput.printJSON(report)
            } else {
                var table = PlainTable(headers: ["CHECK", "RESULT", "DETAIL"])
                for check in report.checks {
                    table.rows.append([check.name, check.status.rawValue.uppercased(), check.detail])
                }
                ControllerOutput.say(table.render())
                ControllerOutput.say(report.passed ? "Preflight passed for \(record.nameLabel)." : "Preflight FAILED for \(record.nameLabel).")
            }
            if !report.passed { throw ExitStatus.failure.exitCode }
        }
    }
}
