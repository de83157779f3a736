/// A named colour role: drawing code says what a cell *is*; a screen maps roles to colours.
public enum Role: Sendable, Hashable {
    /// Ordinary text.
    case normal
    /// A pane's title line.
    case title
    /// Column headers of a table.
    case header
    /// The selected row of the focused list.
    case selection
    /// De-emphasised text (hints, shortened values).
    case dim
    /// The status bar background.
    case statusBar
    /// An error in the status bar.
    case error
    /// A success message.
    case success
    /// A warning or state needing attention.
    case warning
    /// A key name in the hint bar or help.
    case key
    /// A search match in the console.
    case match
    /// The current search match.
    case currentMatch
    /// A lifecycle marker line in the console.
    case marker
    /// Dialog and overlay bodies.
    case dialog
    /// A console cell with the guest's own colours (ANSI indices, `nil` = terminal default).
    case console(foreground: UInt8?, background: UInt8?)
}

/// Text attributes, independent of colour (they survive NO_COLOR).
public struct Attributes: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold / bright.
    public static let bold = Attributes(rawValue: 1 << 0)
    /// Underlined.
    public static let underline = Attributes(rawValue: 1 << 1)
    /// Reverse video.
    public static let reverse = Attributes(rawValue: 1 << 2)
    /// Dim.
    public static let dim = Attributes(rawValue: 1 << 3)
    /// Italic.
    public static let italic = Attributes(rawValue: 1 << 4)
}
