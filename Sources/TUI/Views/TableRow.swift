/// A row of a `TableView`: one text per column, with optional per-cell roles.
public struct TableRow: Sendable, Hashable {
    /// Texts, one per column.
    public var cells: [String]
    /// Roles per cell (`nil` = normal); shorter than `cells` is fine.
    public var roles: [Role?]

    /// Creates a row.
    public init(_ cells: [String], roles: [Role?] = []) {
        self.cells = cells
        self.roles = roles
    }
}
