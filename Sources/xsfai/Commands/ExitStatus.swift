import ArgumentParser

/// Every exit code `xsfai` uses, in one table, each with a single meaning across all commands.
///
/// 3, 4 and 5 are the FAI verdicts of `console --until-done` and `install --watch` (the numbers the
/// FAI progress tracker gives), so the connection, login and server failures that any command can
/// meet take 7, 8 and 9: a script never mistakes a wrong password for a failed install.
enum ExitStatus: Int32, CaseIterable {
    /// Success (for `--until-done`: FAI succeeded).
    case success = 0
    /// Any other failure; also drift found (`check` without `--fix`) and a failed preflight.
    case failure = 1
    /// Usage: a bad option or parameter, an unknown or ambiguous name, a bad config or password file.
    case usage = 2
    /// `--until-done`: FAI ran and failed.
    case installFailed = 3
    /// `--until-done`: the VM did not boot into FAI (kernel panic, no NFS root, initramfs shell).
    case noBoot = 4
    /// `--until-done`: timed out, or the console went silent for too long (a hang).
    case timedOut = 5
    /// xsfai refused: rearm of a template or of a running VM without `--force`, undo after an outside change,
    /// a change while a change set is half-applied, a name in use, PV-args without FAI arguments without `--force`.
    case refused = 6
    /// The pool could not be reached: refused, timed out, TLS certificate not trusted, HTTP error.
    case connectionFailed = 7
    /// Login failed: wrong user name or password.
    case loginFailed = 8
    /// The server refused an operation (a XenAPI error), e.g. starting a VM that is already running.
    case serverRefused = 9

    /// The code as ArgumentParser's exit value.
    var exitCode: ExitCode { ExitCode(rawValue) }

    /// The table as one paragraph for command help.
    static let helpText = """
        Exit codes: 0 success; 1 other failure; 2 usage error (bad parameter, unknown or ambiguous name, \
        bad config); 3 FAI failed, 4 no boot, 5 timeout or hang (--until-done, --watch); 6 refused by \
        xsfai (e.g. rearm without --force on a running VM, undo after an outside change); 7 connection \
        failed; 8 login failed; 9 the server refused an operation.
        """
}
