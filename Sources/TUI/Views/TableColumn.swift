/// A column of a `TableView`.
public struct TableColumn: Sendable, Hashable {
    /// How wide a column is.
    public enum Width: Sendable, Hashable {
        /// Exactly this many columns.
        case fixed(Int)
        /// Shares the remaining width with other flexible columns, at least `minimum`.
        case flexible(minimum: Int)
    }

    /// The header text.
    public var title: String
    /// The width rule.
    public var width: Width

    /// Creates a column.
    public init(_ title: String, width: Width) {
        self.title = title
        self.width = width
    }
}
