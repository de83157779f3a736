/// A form of labelled one-line fields in a centred box, one of them focused (being edited).
public struct FormView: Sendable {
    /// A labelled field.
    public struct Field: Sendable, Hashable {
        /// The label, e.g. `PV-args`.
        public var label: String
        /// The value being edited.
        public var input: TextInput
        /// Creates a field.
        public init(label: String, input: TextInput) {
            self.label = label
            self.input = input
        }
    }

    /// The box title.
    public var title: String
    /// The fields.
    public var fields: [Field]
    /// Index of the focused field.
    public var focus: Int
    /// The keys line at the bottom.
    public var footer: String

    /// Creates a form view.
    public init(title: String, fields: [Field], focus: Int, footer: String) {
        self.title = title
        self.fields = fields
        self.focus = focus
        self.footer = footer
    }

    /// The box the form takes inside `area`.
    public func frame(in area: Rect) -> Rect {
        area.centered(Size(width: min(area.width, 100), height: fields.count + 4))
    }

    /// Draws the form and returns where the text cursor belongs (in the focused field).
    @discardableResult
    public func render(into canvas: inout Canvas, area: Rect) -> Point? {
        let box = frame(in: area)
        canvas.drawBox(box, title: title)
        let inner = box.inset(by: 1)
        guard inner.width > 4, inner.height > 0 else { return nil }
        let labelWidth = min(inner.width / 3, (fields.map(\.label.displayWidth).max() ?? 0))
        let valueX = inner.x + 1 + labelWidth + 2
        let valueWidth = max(1, inner.maxX - valueX - 1)
        var cursor: Point?
        for (index, field) in fields.prefix(max(0, inner.height - 2)).enumerated() {
            let y = inner.y + index
            let focused = index == focus
            canvas.write(field.label.padded(toWidth: labelWidth), at: Point(x: inner.x + 1, y: y),
                         role: focused ? .key : .dialog, attributes: focused ? .bold : [])
            let text = field.input.text
            let scroll = max(0, field.input.cursorColumn - valueWidth + 1)
            let visible = String(text.dropFirst(scroll))
            let valueArea = Rect(x: valueX, y: y, width: valueWidth, height: 1)
            canvas.fill(valueArea, with: Cell(" ", role: focused ? .selection : .dialog))
            canvas.write(visible, at: Point(x: valueX, y: y), role: focused ? .selection : .dialog, clip: valueArea)
            if focused {
                cursor = Point(x: valueX + min(valueWidth - 1, field.input.cursorColumn - scroll), y: y)
            }
        }
        canvas.write(footer.truncated(toWidth: inner.width - 2), at: Point(x: inner.x + 1, y: inner.maxY - 1),
                     role: .key)
        return cursor
    }
}
