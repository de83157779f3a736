import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The terminal settings to put back, read by the signal handlers (which cannot capture context).
nonisolated(unsafe) private var savedTerminalSettings: termios?

/// Puts the controlling terminal (stdin) in raw mode, as `xe console` does, and puts it back on every
/// exit path: ``restore()`` (call it with `defer`), process exit, and the signals that end a process
/// (SIGINT, SIGTERM, SIGHUP, SIGQUIT), whose handlers restore the settings and re-raise the signal.
enum RawTerminal {
    /// Switches stdin to raw mode; returns false when stdin is not a terminal.
    static func enter() -> Bool {
        var settings = termios()
        guard isatty(STDIN_FILENO) == 1, tcgetattr(STDIN_FILENO, &settings) == 0 else { return false }
        savedTerminalSettings = settings
        for signalNumber in [SIGINT, SIGTERM, SIGHUP, SIGQUIT] {
            signal(signalNumber) { received in
                RawTerminal.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
        atexit { RawTerminal.restore() }
        var raw = settings
        cfmakeraw(&raw)
        raw.c_oflag |= tcflag_t(OPOST | ONLCR)  // keep "\n" → "\r\n" for our own messages
        tcsetattr(STDIN_FILENO, TCSANOW, &raw)
        return true
    }

    /// Restores the saved settings; safe to call more than once and from a signal handler.
    static func restore() {
        guard var settings = savedTerminalSettings else { return }
        tcsetattr(STDIN_FILENO, TCSANOW, &settings)
    }
}
