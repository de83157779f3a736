import ArgumentParser

/// The `xsfai` command: the TUI when run without a subcommand, and the scripting commands.
@main
struct XSFAI: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "xsfai",
        abstract: "A terminal console for FAI network installs of PV Debian VMs on XenServer / XCP-ng.",
        subcommands: [
            TUICommand.self,
            DemoCommand.self,
            // Each command lives in its own file under Commands/.
            FAIKitCommand.self,
            TemplatesCommand.self,
            VMsCommand.self,
            TemplateSetCommand.self,
            VMSetCommand.self,
            TemplateCopyCommand.self,
            InstallCommand.self,
            FleetCommand.self,
            RearmCommand.self,
            StartCommand.self,
            ShutdownCommand.self,
            RebootCommand.self,
            DestroyCommand.self,
            CheckCommand.self,
            PreflightCommand.self,
            UndoCommand.self,
            JournalCommand.self,
            ConsoleCommand.self,
            SimCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )
}
