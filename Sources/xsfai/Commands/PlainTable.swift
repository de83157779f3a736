import TerminalSafety

/// Left-aligned text columns for command output, padded to the widest cell of each column.
struct PlainTable {
    let headers: [String]
    var rows: [[String]] = []

    /// The table as lines, headers first; the last column is not padded. Cells hold pool strings:
    /// each is made one safe line (controls, tabs and newlines shown as escapes) before padding.
    func render() -> String {
        let rows = rows.map { $0.map(\.terminalSafeLine) }
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return ([headers] + rows).map { row in
            row.enumerated().map { index, cell in
                index == row.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// `text` cut to `limit` characters with an ellipsis.
    static func shortened(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
