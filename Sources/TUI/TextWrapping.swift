extension StringProtocol {
    /// The text broken into rows of at most `width` columns: after a space where a row has one, else
    /// inside a word longer than a row. Nothing is dropped or added: the space a row breaks at stays
    /// at the row's end (a space may hang one column past `width`, where clipping hides it), so the
    /// rows joined give the text back — a long PV-args value or `xe` command is readable in full.
    public func wrapped(toWidth width: Int) -> [String] {
        let width = Swift.max(1, width)
        var rows: [String] = []
        var row: [Character] = []
        var rowWidth = 0
        var breakAfter: Int?  // index in `row` after the last space
        for character in self {
            let columns = character.displayWidth
            if character == " " {
                row.append(character)
                rowWidth += columns
                breakAfter = row.count
                continue
            }
            if rowWidth + columns > width, !row.isEmpty {
                if let cut = breakAfter, cut < row.count {
                    rows.append(String(row[..<cut]))
                    row = Array(row[cut...])
                } else {
                    rows.append(String(row))
                    row = []
                }
                rowWidth = row.reduce(0) { $0 + $1.displayWidth }
                breakAfter = nil
            }
            row.append(character)
            rowWidth += columns
        }
        if !row.isEmpty || rows.isEmpty { rows.append(String(row)) }
        return rows
    }
}
