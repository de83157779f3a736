/// A centred box with a title, body lines and a footer line of keys (confirmations, plans, results).
public struct DialogView: Sendable {
    /// One line of the body with its role.
    public struct Line: Sendable, Hashable {
        /// Text.
        public var text: String
        /// Role.
        public var role: Role
        /// Creates a line.
        public init(_ text: String, role: Role = .dialog) {
            self.text = text
            self.role = role
        }
    }

    /// Title in the top border.
    public var title: String
    /// Body lines (cut to fit).
    public var lines: [Line]
    /// The keys line at the bottom, e.g. `y apply   Esc cancel`.
    public var footer: String

    /// Creates a dialog.
    public init(title: String, lines: [Line], footer: String) {
        self.title = title
        self.lines = lines
        self.footer = footer
    }

    /// The box this dialog takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        let contentWidth = max(title.displayWidth + 4, footer.displayWidth, lines.map(\.text.displayWidth).max() ?? 0)
        return area.centered(Size(width: contentWidth + 4, height: lines.count + 4))
    }

    /// Draws the dialog centred in `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let box = frame(in: area)
        canvas.drawBox(box, title: title)
        let inner = box.inset(by: 1)
        guard inner.height >= 1 else { return }
        let bodyRows = max(0, inner.height - 2)
        for (index, line) in lines.prefix(bodyRows).enumerated() {
            canvas.write(line.text.truncated(toWidth: inner.width - 2), at: Point(x: inner.x + 1, y: inner.y + index),
                         role: line.role)
        }
        canvas.write(footer.truncated(toWidth: inner.width - 2), at: Point(x: inner.x + 1, y: inner.maxY - 1),
                     role: .key)
    }
}
