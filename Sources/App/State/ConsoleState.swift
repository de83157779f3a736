public import XenAPI

/// The console pane's state. The cells themselves live in the loop's capture of the VM (every console
/// shown is captured, see ``BackgroundCaptures``); this holds what the reducer decides: which VM,
/// the connection as the capture reports it, scrolling, search, input mode and the tiles.
public struct ConsoleState: Sendable, Hashable {
    /// The VM whose console is shown.
    public var vm: Ref<VMRecord>?
    /// The connection.
    public var link: ConsoleLink = .idle
    /// Whether the view sticks to the newest output.
    public var isFollowing = true
    /// Lines scrolled back from the newest (0 = bottom).
    public var scrollBack = 0
    /// Total lines held (scrollback plus screen), as last reported by the buffer.
    public var lineCount = 0
    /// The search, when one is active.
    public var search: ConsoleSearch?
    /// Whether keys go to the VM.
    public var isInputMode = false
    /// The FAI progress line, e.g. `FAI: instsoft (5/12)`.
    public var progress = ""
    /// The failure the console showed, once FAI failed.
    public var failure: FailureReport?
    /// The last VM record seen, to notice lifecycle changes for marker lines.
    public var lastSeen: VMRecord?
    /// The VMs tiled in the console area (at most ``ConsoleState/tileLimit``), in order; the
    /// focused tile is the one of ``vm``. Empty: the console shows ``vm`` alone.
    public var tiles: [Ref<VMRecord>] = []

    /// The most consoles tiled at once.
    public static let tileLimit = 4

    /// An idle console.
    public init() {}
}
