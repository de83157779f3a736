#if canImport(Glibc)
import Glibc
#endif

/// The signal mask a process may inherit across `exec`: a parent that spawns from a libdispatch worker
/// thread (Swift concurrency's pool, e.g. a test runner) hands its child a mask that blocks nearly every
/// signal, SIGTERM and SIGINT included, and nothing in a plain Swift `main` clears it, so the child
/// could not be stopped by `kill` or Ctrl-C.
enum InheritedSignalMask {
    /// The signals that end or stop a command, which xsfai must receive whatever its parent blocked.
    static let lifecycleSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT, SIGTSTP, SIGCONT, SIGWINCH]

    /// Unblocks ``lifecycleSignals`` on the calling thread (call it first thing on the main thread:
    /// threads started later inherit its mask).
    static func clear() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in lifecycleSignals { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }
}
