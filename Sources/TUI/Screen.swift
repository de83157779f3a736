/// The one owner of the real terminal: presents canvases and reports keys.
///
/// Implementations must restore the terminal on `close()` and on every exit path they can observe
/// (signals, crashes). Bytes reach the terminal only as cells from a presented canvas, plus the
/// clipboard write of `copyToClipboard(_:)`. `CursesScreen` is the ncurses implementation;
/// `InMemoryScreen` is the twin for tests.
public protocol Screen: AnyObject {
    /// The current size in cells.
    var size: Size { get }

    /// Shows `canvas`; `cursor` is where the hardware cursor goes (`nil` hides it).
    func present(_ canvas: Canvas, cursor: Point?)

    /// Waits up to `timeoutMilliseconds` (negative: no limit) for input; `nil` when nothing arrived
    /// or `wake()` was called.
    func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent?

    /// Wakes a waiting `nextEvent`; hand it to other threads.
    var waker: any ScreenWaker { get }

    /// Copies `text` to the local clipboard (OSC 52 on a real terminal).
    func copyToClipboard(_ text: String)

    /// Gives the terminal back to the shell and stops the process until it is continued (Ctrl-Z).
    func suspend()

    /// Restores the terminal; the screen is unusable afterwards.
    func close()
}
