import ArgumentParser

/// The `xsfai` command: the TUI when run without a subcommand, and the scripting commands.
@main
struct XSFAI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xsfai",
        abstract: "A terminal console for FAI network installs of PV Debian VMs on XenServer / XCP-ng.",
        subcommands: [
            // Each command lives in its own file under Commands/.
        ]
    )
}
