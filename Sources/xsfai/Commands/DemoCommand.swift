import ArgumentParser
import CurlTransport
import Foundation
import Simulator
import XenAPI

/// `xsfai demo`: starts the built-in simulator on a free loopback port and opens the TUI against it.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Open the TUI against the built-in XenServer simulator (nothing to set up).",
        discussion: """
            The simulator listens on 127.0.0.1 on a free port for as long as the TUI runs. Its journal lives \
            in a temporary folder removed at the end: the demo never writes into your state folder. An FAI \
            monitor listens on 127.0.0.1 on a free port too (unless --no-fai-monitor, or --fai-monitor / \
            --fai-monitor-log-follow say otherwise); the FAI template's PV-args name it, so every install \
            reports to the fleet pane (4).
            """
    )

    @Option(help: "Extra realistic VMs in the simulated pool (e.g. 2000 for a big pool).")
    var vms = 0

    @Option(help: "Console pace in lines per second (0: as fast as possible).")
    var speed = 40.0

    @Option(help: "Start this many concurrent FAI installs at boot (mixed success, failure, no-boot).")
    var installing = 0

    @OptionGroup var monitor: MonitorOptions

    @Flag(help: "Start no FAI monitor (the fleet pane then shows consoles only).")
    var noFaiMonitor = false

    @OptionGroup var background: BackgroundConsoleOptions

    @Option(help: ArgumentHelp("Append first-paint and key-latency timings (JSON lines) to FILE.", visibility: .hidden))
    var trace: String?

    func validate() throws {
        guard vms >= 0 else { throw ValidationError("--vms must be 0 or more") }
        guard speed >= 0 else { throw ValidationError("--speed must be 0 or more") }
        guard installing >= 0 else { throw ValidationError("--installing must be 0 or more") }
    }

    func run() async throws {
        let started = ContinuousClock.now
        var options = monitor
        if !options.isEnabled && !noFaiMonitor { options.listen = "127.0.0.1:0" }
        let tuiMonitor = try TUIMonitor(options: options, target: nil)
        var configuration = SimulatorConfiguration(extraVMs: vms, linesPerSecond: speed, installing: installing)
        configuration.monitorArguments = tuiMonitor.target.map { $0.words.joined(separator: " ") }
        let server = SimulatorServer(configuration: configuration)
        let port: Int
        do {
            port = try await server.start()
        } catch {
            tuiMonitor.sources?.stop()
            throw error
        }
        let stateFolder = FileManager.default.temporaryDirectory.appendingPathComponent("xsfai-demo-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: stateFolder) }
        do {
            let url = try XenAPIURL(string: server.masterURL)
            let session = try XenAPISession(
                url: url, credentials: Credentials(user: configuration.user, password: configuration.password),
                factory: CurlTransportFactory())
            try session.login()
            try TUILauncher.run(
                session: session, consoles: CurlConsoleConnector(), origin: "127.0.0.1:\(port) (demo)",
                notice: "demo: the built-in simulator runs on 127.0.0.1:\(port) · ? shows the keys",
                tracePath: trace, started: started, stateFolder: stateFolder + "/xsfai", monitor: tuiMonitor,
                backgroundConsoles: background.limit(profile: nil))
        } catch {
            try? await server.stop()
            throw CommandFailure.report(error)
        }
        try await server.stop()
    }
}
