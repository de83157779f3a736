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
