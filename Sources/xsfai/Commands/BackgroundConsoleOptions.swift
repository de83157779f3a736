import App
import ArgumentParser
import FAIControl

/// How many VM consoles the TUI captures in the background (`--background-consoles`, else the
/// profile's `background_consoles`, else ``BackgroundCaptures/defaultLimit``).
struct BackgroundConsoleOptions: ParsableArguments {
    @Option(name: .customLong("background-consoles"), help: ArgumentHelp(
        "Capture up to N consoles of VMs in install attempts in the background (progress for all, history when opened; 0: off; default \(BackgroundCaptures.defaultLimit)).",
        valueName: "N"))
    var count: Int?

    func validate() throws {
        if let count, count < 0 { throw ValidationError("--background-consoles must be 0 or more") }
    }

    /// The number to use with the `--pool` profile `profile`.
    func limit(profile: PoolProfile?) -> Int {
        count ?? profile?.backgroundConsoles ?? BackgroundCaptures.defaultLimit
    }
}
