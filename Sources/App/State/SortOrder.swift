/// How a list pane is sorted: by one of its columns, ascending or descending; `nil` column is the
/// natural order (templates: custom first, then by name; VMs: by name), names in natural order.
public struct SortOrder: Sendable, Hashable {
    /// The column sorted by (index into the pane's columns), `nil` for the natural order.
    public var column: Int?
    /// Whether the order is reversed.
    public var isDescending = false

    /// The natural order.
    public init(column: Int? = nil, isDescending: Bool = false) {
        self.column = column
        self.isDescending = isDescending
    }

    /// Column titles with the sorted one marked ▲ (ascending) or ▼ (descending).
    public func titles(_ titles: [String]) -> [String] {
        titles.enumerated().map { index, title in index == column ? title + (isDescending ? " ▼" : " ▲") : title }
    }

    /// The next (`forward`) or previous column of `count`, passing through the natural order.
    func stepped(forward: Bool, count: Int) -> SortOrder {
        let positions = count + 1  // natural order, then each column
        let current = column.map { $0 + 1 } ?? 0
        let next = ((forward ? current + 1 : current - 1) % positions + positions) % positions
        return SortOrder(column: next == 0 ? nil : next - 1, isDescending: isDescending)
    }
}
