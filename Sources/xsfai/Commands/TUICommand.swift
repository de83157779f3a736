import ArgumentParser
import XenAPI

/// `xsfai` (no subcommand) or `xsfai tui`: the full-screen console for a pool.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen console: templates, VMs and live VM consoles (the default command).",
        discussion: """
            Press ? inside for every key. q or Ctrl-C quits; the terminal is always restored. With \
            --fai-monitor [ADDR:]PORT (or --fai-monitor-log-follow PATH, or the profile's keys) the fleet \
            pane (4) shows what FAI's install clients report; --monitor ADDR:PORT (or the profile's \
            monitor key) is what n and r offer to add to PV-args.
            """
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var monitor: MonitorOptions

    @OptionGroup var monitorTarget: MonitorTargetOption

    @OptionGroup var background: BackgroundConsoleOptions

    @Option(help: ArgumentHelp("Append first-paint and key-latency timings (JSON lines) to FILE.", visibility: .hidden))
    var trace: String?

    func run() throws {
        let started = ContinuousClock.now
        do {
            let profile = try connection.profile()
            let monitor = try TUIMonitor(
                options: self.monitor.applying(profile), target: try monitorTarget.arguments(connection))
            let (session, consoles) = try connection.connect()
            defer { session.credentials.wipe() }
            try TUILauncher.run(
                session: session, consoles: consoles, origin: session.masterURL.description, notice: nil,
                tracePath: trace, started: started, monitor: monitor,
                backgroundConsoles: background.limit(profile: profile))
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
