/// A cursor position on the visible screen, zero-based.
public struct CursorPosition: Sendable, Hashable {
    /// Screen row, 0 at the top.
    public var row: Int
    /// Column, 0 at the left.
    public var column: Int

    /// Creates a position.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }
}
