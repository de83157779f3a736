public import Terminal
public import TUI

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
