/// The size of a terminal screen in character cells.
public struct TerminalSize: Sendable, Hashable {
    /// Number of columns (cells per line).
    public var columns: Int
    /// Number of rows (lines on the screen).
    public var rows: Int

    /// Creates a size of `columns` by `rows` cells.
    public init(columns: Int, rows: Int) {
        self.columns = columns
        self.rows = rows
    }

    /// The largest dimension the emulator accepts; larger requests are clamped.
    public static let maximumDimension = 4096

    /// This size with both dimensions clamped to `1...maximumDimension`.
    var clamped: TerminalSize {
        TerminalSize(
            columns: min(max(columns, 1), Self.maximumDimension),
            rows: min(max(rows, 1), Self.maximumDimension)
        )
    }
}
