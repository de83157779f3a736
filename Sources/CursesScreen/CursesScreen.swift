import CNcursesw
import Foundation
public import TUI

/// The ncurses implementation of `Screen`: the only code that talks to the real terminal.
///
/// Starts ncurses with the user's locale (UTF-8 names, wide characters), raw keys, colours from
/// roles (none under `NO_COLOR` or on monochrome terminals) and bracketed paste; restores the
/// terminal on `close()`, on SIGTERM/SIGHUP (reported as `.terminationRequested`) and on crash
/// signals. ncurses' own optimisation sends only the cells that changed on each `present`.
public final class CursesScreen: Screen {
    private let window: UnsafeMutablePointer<WINDOW>
    private let palette: Palette
    private var previous: Canvas?
    private var isOpen = true
    private let wakePipe = WakePipe()

    /// Wakes `nextEvent` from other threads.
    public var waker: any ScreenWaker { wakePipe }

    /// The errors starting the terminal can give.
    public struct StartError: Error, CustomStringConvertible {
        /// What went wrong.
        public let description: String
    }

    /// Takes over the terminal on standard input/output.
    public init() throws {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            throw StartError(description: "the TUI needs a terminal on standard input and output")
        }
        setlocale(LC_ALL, "")
        TerminalRestorer.unblockTerminalSignals()
        TerminalRestorer.watchResizes(wakeFD: wakePipe.writeEnd)
        guard initscr() != nil, let window = xsfai_stdscr() else {
            throw StartError(description: "cannot start the terminal (TERM=\(ProcessInfo.processInfo.environment["TERM"] ?? ""))")
        }
        self.window = window
        raw()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        curs_set(0)
        let useColor = ProcessInfo.processInfo.environment["NO_COLOR"].map(\.isEmpty) ?? true
        palette = Palette(useColor: useColor && has_colors())
        define_key("\u{1b}[200~", PasteMarker.begin)
        define_key("\u{1b}[201~", PasteMarker.end)
        TerminalRestorer.install()
        TerminalModes.enterApplication()
    }

    deinit { close() }

    /// The terminal size in cells.
    public var size: Size { Size(width: Int(getmaxx(window)), height: Int(getmaxy(window))) }

    /// Draws the rows that changed since the last frame and places (or hides) the cursor.
    public func present(_ canvas: Canvas, cursor: Point?) {
        let full = previous?.size != canvas.size
        for y in 0..<canvas.size.height {
            let row = canvas.row(y)
            if !full, let previous, previous.row(y) == row { continue }
            draw(row: row, y: y)
        }
        previous = canvas
        if let cursor {
            curs_set(1)
            wmove(window, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(window)
        doupdate()
    }

    /// Consecutive wake-ups where the terminal was readable but held nothing (end of file).
    private var emptyReadableWakeups = 0

    /// Waits for a key, a resize, a termination request or a wake, up to `timeoutMilliseconds`.
    /// A hang-up or end of file on the terminal is reported as a termination request.
    public func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent? {
        if TerminalRestorer.takeTerminationRequest() { return .terminationRequested }
        applyResize()
        wtimeout(window, 0)
        var input = readInput()
        if input == nil {
            var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: wakePipe.readEnd, events: Int16(POLLIN), revents: 0)]
            _ = poll(&fds, 2, Int32(clamping: timeoutMilliseconds))
            if fds[1].revents != 0 { wakePipe.drain() }
            if TerminalRestorer.takeTerminationRequest() { return .terminationRequested }
            if Self.terminalHungUp(fds[0].revents) { return .terminationRequested }
            applyResize()
            wtimeout(window, fds[0].revents != 0 ? 30 : 0)
            input = readInput()
            if input == nil, fds[0].revents & Int16(POLLIN) != 0, Self.nothingToRead() {
                // ncurses may hold half an escape sequence: only several such wake-ups in a row are EOF.
                emptyReadableWakeups += 1
                if emptyReadableWakeups >= 5 { return .terminationRequested }
            } else {
                emptyReadableWakeups = 0
            }
        }
        guard let input else { return nil }
        switch input {
        case .code(Int32(KEY_RESIZE)):
            previous = nil
            clearok(window, true)
            return .resized(size)
        case .code(PasteMarker.begin):
            return .key(.paste(readPaste()))
        case .code(let code):
            return KeyDecoding.key(forCode: code).map(ScreenEvent.key)
        case .character(let scalar):
            return KeyDecoding.key(for: scalar).map(ScreenEvent.key)
        }
    }

    /// Copies `text` with OSC 52.
    public func copyToClipboard(_ text: String) {
        TerminalModes.writeClipboard(text)
    }

    /// Leaves curses, stops the process (SIGTSTP) and redraws everything once continued.
    public func suspend() {
        def_prog_mode()
        TerminalModes.leaveApplication()
        endwin()
        signal(SIGTSTP, SIG_DFL)
        TerminalRestorer.unblockTerminalSignals()
        raise(SIGTSTP)
        reset_prog_mode()
        TerminalModes.enterApplication()
        previous = nil
        clearok(window, true)
        wrefresh(window)
    }

    /// Restores the terminal; later calls do nothing.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        TerminalModes.leaveApplication()
        endwin()
    }

    /// After SIGWINCH: tells ncurses the new size, which queues KEY_RESIZE for the next read.
    private func applyResize() {
        guard TerminalRestorer.takeResize() else { return }
        var rows: Int32 = 0
        var columns: Int32 = 0
        guard xsfai_terminal_size(STDOUT_FILENO, &rows, &columns) == 0, rows > 0, columns > 0 else { return }
        resizeterm(rows, columns)
    }

    /// The terminal went away without a SIGHUP reaching us (run under `timeout` or `nohup`, a wrapper
    /// in its own process group, a torn-down ssh session): poll reports a hang-up or an error on it.
    private static func terminalHungUp(_ events: Int16) -> Bool {
        events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Readable but nothing there: end of file (or EIO) on the terminal, which is a hang-up too.
    private static func nothingToRead() -> Bool {
        var available: Int32 = 0
        return ioctl(STDIN_FILENO, UInt(FIONREAD), &available) != 0 || available == 0
    }

    private enum Input {
        case character(Unicode.Scalar)
        case code(Int32)
    }

    private func readInput() -> Input? {
        var value: wint_t = 0
        let result = wget_wch(window, &value)
        if result == xsfai_key_code_yes() { return .code(Int32(value)) }
        guard result == OK, let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
        return .character(scalar)
    }

    private func readPaste() -> String {
        var text = ""
        wtimeout(window, 200)
        while let input = readInput() {
            switch input {
            case .code(PasteMarker.end): return text
            case .character(let scalar): text.unicodeScalars.append(scalar == "\r" ? "\n" : scalar)
            case .code: continue
            }
        }
        return text
    }

    /// U+0336 COMBINING LONG STROKE OVERLAY, which draws strikethrough over the character before it.
    private static let strokeOverlay = wchar_t(0x0336)

    /// `scalar`, or U+FFFD when it is a control a terminal would act on (C0, DEL, C1).
    private static func inert(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) ? "\u{FFFD}" : scalar
    }

    private func draw(row: ArraySlice<Cell>, y: Int) {
        var x: Int32 = 0
        var cc = cchar_t()
        for cell in row {
            defer { x += 1 }
            if cell.isContinuation { continue }
            let (attributes, pair) = palette.style(role: cell.role, attributes: cell.attributes)
            // Views draw through the canvas, which shows controls as escapes; this is the last guard.
            var characters = Array(cell.text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: Self.inert($0).value) })
            if cell.attributes.contains(.strikethrough), characters.count < 4 {
                // curses has no crossed-out attribute: U+0336 COMBINING LONG STROKE OVERLAY draws one.
                characters.append(Self.strokeOverlay)
            }
            characters.append(0)
            setcchar(&cc, characters, attributes, pair, nil)
            mvwadd_wch(window, Int32(y), x, &cc)
        }
    }
}

/// Key codes registered with `define_key` for the bracketed-paste markers.
enum PasteMarker {
    static let begin = xsfai_key_max() + 1
    static let end = xsfai_key_max() + 2
}
