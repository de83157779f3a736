import CNcursesw
import Foundation
import Synchronization

private let terminationRequested = Atomic<Int32>(0)
private let resized = Atomic<Int32>(0)
private let wakeDescriptor = Atomic<Int32>(-1)

/// Signal handlers that give the terminal back: SIGTERM/SIGHUP ask the loop to quit; crash signals
/// restore the terminal and then die with the same signal.
enum TerminalRestorer {
    /// Installs the handlers (idempotent).
    static func install() {
        signal(SIGTERM, requestTermination)
        signal(SIGHUP, requestTermination)
        for crash in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            signal(crash, restoreAndDie)
        }
    }

    /// Watches SIGWINCH itself (installed before ncurses starts, so ncurses leaves it alone): the
    /// handler notes the resize and writes to `wakeFD` so a waiting poll returns at once.
    static func watchResizes(wakeFD: Int32) {
        wakeDescriptor.store(wakeFD, ordering: .relaxed)
        signal(SIGWINCH, noteResize)
    }

    /// Lets this thread receive the terminal's signals: the UI may run on a thread from a pool that
    /// blocks them (a stop raised there would stay pending and be lost).
    static func unblockTerminalSignals() {
        var set = sigset_t()
        sigemptyset(&set)
        for signal in [SIGTSTP, SIGCONT, SIGWINCH, SIGTERM, SIGHUP] { sigaddset(&set, signal) }
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    /// Whether the terminal was resized since the last call.
    static func takeResize() -> Bool {
        resized.exchange(0, ordering: .relaxed) != 0
    }

    /// Whether a termination was requested since the last call.
    static func takeTerminationRequest() -> Bool {
        terminationRequested.exchange(0, ordering: .relaxed) != 0
    }
}

private func requestTermination(_ signal: Int32) {
    terminationRequested.store(signal, ordering: .relaxed)
    wake()
}

private func noteResize(_ signal: Int32) {
    resized.store(1, ordering: .relaxed)
    wake()
}

private func wake() {
    var byte: UInt8 = 1
    _ = write(wakeDescriptor.load(ordering: .relaxed), &byte, 1)
}

private func restoreAndDie(_ code: Int32) {
    let reset = "\u{1b}[?2004l"
    _ = reset.withCString { Foundation.write(STDOUT_FILENO, $0, strlen($0)) }
    endwin()
    signal(code, SIG_DFL)
    raise(code)
}
