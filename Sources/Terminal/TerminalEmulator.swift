/// A VT100/xterm-style terminal emulator for a VM console: feed it the guest's bytes, read back cells.
///
/// libvterm's parser layer tokenizes the stream; the terminal state (cursor, pen, modes, scroll
/// region, charsets) and the cells live here, with the screen in a `ScreenGrid` and scrolled-off lines
/// in a `ScrollbackStore` of packed bytes, so scrolling costs O(columns) per line, not O(screen).
///
/// Guest bytes only ever become cells: titles, OSC 52 clipboard writes and every other string are
/// swallowed, and answers the guest asks for (DA, DSR) are queued for `takeReplies()`.
///
/// Scrollback policy (for an operator's capture, deliberately more generous than xterm):
/// - every line scrolled off the top of the scroll region goes to scrollback, whatever the region's
///   top row (FAI pins its logo with `ESC[7;0r`; xterm would keep none of the lines below it);
/// - RIS (`ESC c`) and ED 2 (`ESC[2J`) first move the screen's lines, up to the last non-blank one,
///   to scrollback, so a boot log survives FAI's reset;
/// - the alternate screen never adds to scrollback.
///
/// Not thread-safe: use it from one thread (the UI loop). Any chunking of the input gives the same result.
public final class TerminalEmulator {
    let tokenizer = VTermTokenizer()

    // Screens.
    var mainGrid: ScreenGrid
    var alternateGrid: ScreenGrid
    /// The grid being drawn: `mainGrid` or `alternateGrid`.
    var grid: ScreenGrid
    let scrollback: ScrollbackStore

    // Cursor and pen.
    var cursorRow = 0
    var cursorColumn = 0
    /// Set after a character was written in the last column with autowrap on: the next one wraps first.
    var pendingWrap = false
    var pen = PackedStyle.plain
    var g0 = Charset.ascii
    var g1 = Charset.ascii
    var shiftedOut = false
    var savedMainCursor: SavedCursor?
    var savedAlternateCursor: SavedCursor?

    // Modes.
    var scrollTop = 0
    var scrollBottom: Int
    var autowrap = true
    var originMode = false
    /// IRM (`CSI 4 h`): characters are inserted, shifting the rest of the line right.
    var insertMode = false
    /// The last character written and its width, for REP (`CSI Ps b`); nil after a reset.
    var lastGraphic: UInt32?
    /// Set after a ZERO WIDTH JOINER: the next character joins the same cell.
    var joinsNext = false
    var tabStops: [Bool]

    var decoder = UTF8StreamDecoder()
    var replyBuffer: [UInt8] = []

    /// Upper bound of queued replies; a guest asking for more than this before they are taken loses the rest.
    static let replyLimit = 4096
    /// Upper bound of the stored title, in characters.
    static let titleLimit = 256

    /// Whether the cursor should be drawn (DECTCEM, `ESC[?25h`/`l`).
    public internal(set) var cursorVisible = true
    /// Whether the guest enabled bracketed paste (`ESC[?2004h`); recorded only.
    public internal(set) var bracketedPasteEnabled = false
    /// Whether the alternate screen (`ESC[?1049h`) is shown.
    public var isAlternateScreenActive: Bool { grid === alternateGrid }
    /// The window title the guest set with OSC 0 or 2; kept here and never forwarded anywhere.
    public internal(set) var title = ""
    /// How many BEL characters were received.
    public internal(set) var bellCount = 0
    /// How many of the oldest scrollback lines were dropped because the limit was reached; add it to
    /// an absolute line index to get a position that stays stable while lines are dropped.
    public internal(set) var droppedLineCount = 0
    /// Incremented by every `feed` of at least one byte and every `resize`: redraw when it changed.
    public internal(set) var changeCounter = 0

    /// Creates an emulator with a blank screen of `size` (clamped to 1...4096 in each dimension) and
    /// room for `scrollbackLimit` lines of scrollback.
    public init(size: TerminalSize, scrollbackLimit: Int = 10_000) {
        let size = size.clamped
        mainGrid = ScreenGrid(size: size)
        alternateGrid = ScreenGrid(size: size)
        grid = mainGrid
        scrollback = ScrollbackStore(capacity: scrollbackLimit)
        scrollBottom = size.rows - 1
        tabStops = Self.defaultTabStops(columns: size.columns)
        tokenizer.attach(self)
    }

    /// The screen size in cells.
    public var size: TerminalSize { TerminalSize(columns: grid.columns, rows: grid.rows) }

    /// The cursor position on the screen (after a write in the last column it stays there).
    public var cursor: CursorPosition { CursorPosition(row: cursorRow, column: cursorColumn) }

    /// Feeds guest output. Sequences and UTF-8 characters split across calls are carried over.
    public func feed(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        changeCounter &+= 1
        tokenizer.write(bytes)
    }

    /// Feeds guest output.
    public func feed(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { feed($0) }
    }

    /// Feeds guest output from any byte sequence.
    public func feed(_ bytes: some Sequence<UInt8>) {
        if bytes.withContiguousStorageIfAvailable({ feed(UnsafeRawBufferPointer($0)) }) == nil {
            feed(Array(bytes))
        }
    }

    /// Feeds the UTF-8 bytes of `text` (convenient for tests and for marked lines the app inserts).
    public func feed(_ text: String) {
        feed(Array(text.utf8))
    }

    /// Returns and clears the bytes the guest asked to be sent back (device attributes, cursor reports).
    public func takeReplies() -> [UInt8] {
        defer { replyBuffer.removeAll() }
        return replyBuffer
    }

    // MARK: Shared state helpers

    var columns: Int { grid.columns }
    var rows: Int { grid.rows }

    var activeCharset: Charset { shiftedOut ? g1 : g0 }

    func queueReply(_ text: String) {
        let bytes = Array(text.utf8)
        guard replyBuffer.count + bytes.count <= Self.replyLimit else { return }
        replyBuffer += bytes
    }

    static func defaultTabStops(columns: Int) -> [Bool] {
        (0..<columns).map { $0 % 8 == 0 && $0 > 0 }
    }
}
