import ArgumentParser
import Foundation

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

    /// Parses and runs the command as ArgumentParser's `main` does, except that a usage error (a bad
    /// option or argument, a failed validation) exits 2, the code the README's table gives, instead of
    /// ArgumentParser's `EX_USAGE` (64).
    ///
    /// It first clears the signal mask the process may have inherited (``InheritedSignalMask``):
    /// ArgumentParser's own `main` happens to leave the main thread with a clear mask, this one runs
    /// the command where the inherited mask would stay, and SIGTERM would never end a console relay.
    static func main() async {
        InheritedSignalMask.clear()
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error).rawValue == 64 {
                ControllerOutput.note(fullMessage(for: error))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
