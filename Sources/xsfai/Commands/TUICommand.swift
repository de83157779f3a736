import ArgumentParser
import XenAPI

/// `xsfai` (no subcommand) or `xsfai tui`: the full-screen console for a pool.
struct TUICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the full-screen console: templates, VMs and live VM consoles (the default command).",
        discussion: "Press ? inside for every key. q or Ctrl-C quits; the terminal is always restored."
    )

    @OptionGroup var connection: ConnectionOptions

    @OptionGroup var background: BackgroundConsoleOptions

    @Option(help: ArgumentHelp("Append first-paint and key-latency timings (JSON lines) to FILE.", visibility: .hidden))
    var trace: String?

    func run() throws {
        let started = ContinuousClock.now
        do {
            let (session, consoles) = try connection.connect()
            try TUILauncher.run(
                session: session, consoles: consoles, origin: session.masterURL.description, notice: nil,
                tracePath: trace, started: started, backgroundConsoles: background.limit(profile: try connection.profile()))
        } catch {
            throw ControllerFailure.report(error)
        }
    }
}
