import ArgumentParser
import FAIControl
import FAIMonitor
import FAIMonitorServer
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `xsfai fleet`: every install the FAI monitor hears, one row per sender.
struct FleetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fleet",
        abstract: "Show every install reporting to the FAI monitor: task k/18, elapsed, verdict with FAI's error band.",
        discussion: """
            Listens with --fai-monitor [ADDR:]PORT (or follows a fai-monitor log with \
            --fai-monitor-log-follow PATH, or takes them from the --pool profile). Without --watch it \
            collects for --wait seconds and prints the table once; --watch keeps one live line per install \
            on a terminal (plain lines as they change when piped) until every install has a verdict \
            (with --until-done) or it is interrupted. Bands: < 300 ok, < 500 warning, < 700 minor, ≥ 700 error.

            \(ExitStatus.helpText)
            """)

    @OptionGroup var monitor: MonitorOptions

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Keep the table live.")
    var watch = false

    @Flag(help: "With --watch: stop once every install heard has a verdict, exiting with the worst (0/3).")
    var untilDone = false

    @Option(help: "Seconds to collect before printing (without --watch), or to watch at most (exit 5).")
    var wait: Double?

    @Flag(help: "Print JSON.")
    var json = false

    func run() throws {
        try ControllerFailure.reporting { try follow() }
    }

    private func follow() throws {
        guard let sources = try monitor.applying(try connection.profile()).start() else {
            throw CommandFailure.usage("no monitor source: pass --fai-monitor [ADDR:]PORT or --fai-monitor-log-follow PATH")
        }
        defer { sources.stop() }
        if let port = sources.port { ControllerOutput.note("xsfai: listening for FAI monitor messages on port \(port)") }
        let view = FleetTableView(rules: sources.service.fleet.rules, directory: try FleetVMDirectory(connection))
        guard watch else {
            Thread.sleep(forTimeInterval: wait ?? 2)
            try show(sources.service.fleet, view: view)
            return
        }
        let code = FleetWatch(service: sources.service, view: view, json: json)
            .run(untilDone: untilDone, timeout: wait)
        if code != 0 { throw ExitCode(code) }
    }

    private func show(_ fleet: MonitorFleet, view: FleetTableView) throws {
        if json { try ControllerOutput.printJSON(view.rows(fleet, now: Date().timeIntervalSince1970)) } else {
            print(view.table(fleet, now: Date().timeIntervalSince1970))
        }
    }
}
