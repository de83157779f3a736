/// A `Screen` in memory: scripted input, recorded output. The test twin of `CursesScreen`.
///
/// Each `nextEvent` call takes the next scripted entry (`nil` = nothing arrived this time); once the
/// script is used up it reports `.terminationRequested`, so a loop under test always ends.
public final class InMemoryScreen: Screen {
    /// The current size; change it and queue `.resized` to simulate a resize.
    public var size: Size
    /// Entries still to be delivered, in order (`nil`: a wait that timed out).
    public var pendingEvents: [ScreenEvent?]
    /// The last presented canvas.
    public private(set) var lastCanvas: Canvas?
    /// The last presented cursor position.
    public private(set) var lastCursor: Point?
    /// How many canvases were presented.
    public private(set) var presentCount = 0
    /// Everything copied to the clipboard.
    public private(set) var clipboard: [String] = []
    /// How many times the screen was suspended.
    public private(set) var suspendCount = 0
    /// Whether `close()` was called.
    public private(set) var isClosed = false

    /// Creates a screen of `size` that will deliver `events`.
    public init(size: Size, events: [ScreenEvent?] = []) {
        self.size = size
        pendingEvents = events
    }

    /// Keeps `canvas` and `cursor` as the last frame.
    public func present(_ canvas: Canvas, cursor: Point?) {
        lastCanvas = canvas
        lastCursor = cursor
        presentCount += 1
    }

    /// The next queued event, or `.terminationRequested` once they are used up; never waits.
    public func nextEvent(timeoutMilliseconds: Int) -> ScreenEvent? {
        pendingEvents.isEmpty ? .terminationRequested : pendingEvents.removeFirst()
    }

    /// A waker that does nothing: this screen never blocks.
    public let waker: any ScreenWaker = NoWaker()

    /// Records `text` in `clipboard`.
    public func copyToClipboard(_ text: String) { clipboard.append(text) }

    /// Counts the suspension.
    public func suspend() { suspendCount += 1 }

    /// Marks the screen closed.
    public func close() { isClosed = true }
}

/// A waker for screens that never block.
private struct NoWaker: ScreenWaker {
    func wake() {}
}
