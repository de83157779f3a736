public import Terminal
public import XenAPI
public import TUI

/// The console pane's state. The cells themselves live in the loop's `ConsoleBuffer`; this holds
/// what the reducer decides: which VM, the connection, scrolling, search and input mode.
public struct ConsoleState: Sendable, Hashable {
    /// The VM whose console is shown.
    public var vm: Ref<VMRecord>?
    /// The connection.
    public var link: ConsoleLink = .idle
    /// Increases with every new connection, so results of an old one are ignored.
    public var generation = 0
    /// Reconnection attempts since the last successful connection.
    public var attempts = 0
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
    /// The last VM record seen, to notice lifecycle changes for marker lines.
    public var lastSeen: VMRecord?

    /// An idle console.
    public init() {}
}

/// The console connection's state.
public enum ConsoleLink: Sendable, Hashable {
    /// No VM chosen.
    case idle
    /// The VM is not running: waiting for it to start (capture from power-on).
    case waitingForPowerOn
    /// Connecting to this console.
    case connecting(Ref<ConsoleRecord>)
    /// Attached to this console.
    case attached(Ref<ConsoleRecord>)
    /// The connection dropped; trying again after `delayMilliseconds`.
    case retrying(delayMilliseconds: Int, reason: String)

    /// Short text for the pane title and status bar.
    public var summary: String {
        switch self {
        case .idle: "no console"
        case .waitingForPowerOn: "waiting for the VM to start"
        case .connecting: "connecting…"
        case .attached: "attached"
        case .retrying(let delay, let reason): "reconnecting in \(delay / 1000)s (\(reason))"
        }
    }
}

/// An active console search.
public struct ConsoleSearch: Sendable, Hashable {
    /// The needle being typed or searched.
    public var input = TextInput()
    /// Whether the needle is being typed.
    public var isEditing = true
    /// The matches, oldest line first.
    public var matches: [SearchMatch] = []
    /// Index of the current match in `matches`.
    public var current: Int?

    /// A new, empty search being typed.
    public init() {}

    /// The current match.
    public var currentMatch: SearchMatch? {
        current.flatMap { $0 < matches.count ? matches[$0] : nil }
    }
}
