/// A centred box with a title, body lines and a footer line of keys (confirmations, plans, details,
/// reports, logs).
///
/// Long lines wrap (with a hanging indent) instead of being cut; when the rows do not fit, the body
/// scrolls by ``scroll`` and the bottom border says which rows are shown, so everything can be read
/// at any size down to 80x24.
public struct DialogView: Sendable {
    /// One line of the body with its role.
    public struct Line: Sendable, Hashable {
        /// Text.
        public var text: String
        /// Role.
        public var role: Role
        /// Columns the rows after the first are indented by when the line wraps.
        public var hangingIndent: Int
        /// Creates a line.
        public init(_ text: String, role: Role = .dialog, hangingIndent: Int = 4) {
            self.text = text
            self.role = role
            self.hangingIndent = hangingIndent
        }
    }

    /// One drawn row of the body: part of a wrapped line.
    public struct Row: Sendable, Hashable {
        /// The text of the row, indentation included.
        public var text: String
        /// Role.
        public var role: Role
        /// The index of the line this row belongs to.
        public var line: Int
    }

    /// Title in the top border.
    public var title: String
    /// Body lines.
    public var lines: [Line]
    /// The keys line at the bottom, e.g. `y apply   Esc cancel`.
    public var footer: String
    /// Body rows scrolled off the top (clamped when drawn).
    public var scroll: Int
    /// When set, the scroll is chosen so this line is visible (a log's selected entry), overriding ``scroll``.
    public var anchorLine: Int?
    /// The widest box, in columns.
    public var maximumWidth: Int

    /// Creates a dialog.
    public init(
        title: String, lines: [Line], footer: String, scroll: Int = 0, anchorLine: Int? = nil, maximumWidth: Int = 160
    ) {
        self.title = title
        self.lines = lines
        self.footer = footer
        self.scroll = scroll
        self.anchorLine = anchorLine
        self.maximumWidth = maximumWidth
    }

    /// The box this dialog takes inside `area`: as wide as its longest line allows (at least 40
    /// columns, at most ``maximumWidth`` and the area), as tall as its wrapped rows (at most the area).
    public func frame(in area: Rect) -> Rect {
        let longest = lines.map(\.text.displayWidth).max() ?? 0
        let content = max(title.displayWidth + 4, footer.displayWidth, longest, 36)
        let width = min(area.width, maximumWidth, content + 4)
        let rows = self.rows(width: width - 4).count
        return area.centered(Size(width: width, height: rows + 4))
    }

    /// The body rows for a text width of `width` columns.
    public func rows(width: Int) -> [Row] {
        var rows: [Row] = []
        for (index, line) in lines.enumerated() {
            let indent = min(line.hangingIndent, max(0, width / 2))
            var first = true
            var rest = Substring(line.text)
            while true {
                let available = first ? width : width - indent
                let pieces = rest.wrapped(toWidth: available)
                let piece = pieces.first ?? ""
                rows.append(Row(text: (first ? "" : String(repeating: " ", count: indent)) + piece, role: line.role, line: index))
                rest = rest.dropFirst(piece.count)
                first = false
                if rest.isEmpty { break }
            }
        }
        return rows
    }

    /// Body rows visible at once in the box for `area`.
    public func visibleRows(in area: Rect) -> Int { max(0, frame(in: area).height - 4) }

    /// How far the body can scroll in `area` (0 when everything fits).
    public func maximumScroll(in area: Rect) -> Int {
        let box = frame(in: area)
        return max(0, rows(width: box.width - 4).count - max(0, box.height - 4))
    }

    /// Draws the dialog centred in `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let box = frame(in: area)
        canvas.drawBox(box, title: title)
        let inner = box.inset(by: 1)
        guard inner.height >= 1, inner.width >= 2 else { return }
        let rows = self.rows(width: inner.width - 2)
        let bodyRows = max(0, inner.height - 2)
        let top = firstRow(rows, bodyRows: bodyRows)
        let body = Rect(x: inner.x + 1, y: inner.y, width: inner.width - 2, height: bodyRows)
        for (offset, row) in rows.dropFirst(top).prefix(bodyRows).enumerated() {
            let y = inner.y + offset
            if row.role == .selection { canvas.fill(Rect(x: body.x, y: y, width: body.width, height: 1), with: Cell(" ", role: .selection)) }
            canvas.write(row.text, at: Point(x: body.x, y: y), role: row.role, clip: body)
        }
        canvas.write(footer.truncated(toWidth: inner.width - 2), at: Point(x: inner.x + 1, y: inner.maxY - 1),
                     role: .key)
        if rows.count > bodyRows, bodyRows > 0 {
            let position = " ↑↓ PgUp PgDn · \(top + 1)–\(min(rows.count, top + bodyRows)) of \(rows.count) "
            let text = position.truncated(toWidth: max(0, box.width - 4))
            canvas.write(text, at: Point(x: box.maxX - 2 - text.displayWidth, y: box.maxY - 1), role: .key)
        }
    }

    private func firstRow(_ rows: [Row], bodyRows: Int) -> Int {
        let limit = max(0, rows.count - bodyRows)
        guard let anchorLine, let first = rows.firstIndex(where: { $0.line == anchorLine }) else {
            return min(max(0, scroll), limit)
        }
        let last = rows.lastIndex { $0.line == anchorLine } ?? first
        let wanted = last - first + 1 >= bodyRows ? first : max(0, first - bodyRows / 3)
        return min(wanted, limit)
    }
}
