/// The `?` overlay: every key, grouped in sections, in a centred box.
public struct HelpOverlayView: Sendable {
    /// A titled group of keys.
    public struct Section: Sendable, Hashable {
        /// The group title.
        public var title: String
        /// Its keys.
        public var hints: [KeyHint]
        /// Creates a section.
        public init(_ title: String, _ hints: [KeyHint]) {
            self.title = title
            self.hints = hints
        }
    }

    /// The sections, in order.
    public var sections: [Section]

    /// Creates the overlay.
    public init(sections: [Section]) { self.sections = sections }

    /// Draws the overlay over `area`; sections flow into two columns when the height is short.
    public func render(into canvas: inout Canvas, area: Rect) {
        var lines: [Line] = []
        for section in sections {
            if !lines.isEmpty { lines.append(Line(text: "", label: "", isTitle: false)) }
            lines.append(Line(text: section.title, label: "", isTitle: true))
            for hint in section.hints { lines.append(Line(text: hint.keys, label: hint.label, isTitle: false)) }
        }
        let keyWidth = min(14, lines.map { $0.isTitle ? 0 : $0.text.displayWidth }.max() ?? 0)
        let box = area.width > 100 ? area.centered(Size(width: 100, height: area.height)) : area
        canvas.drawBox(box, title: "Keys — Esc or ? closes")
        let inner = box.inset(by: 1)
        guard inner.height > 0, inner.width > 0 else { return }
        let needed = (lines.count + inner.height - 1) / max(1, inner.height)
        let columnCount = max(1, min(needed, inner.width / 36))
        let columnWidth = inner.width / columnCount
        for (index, line) in lines.enumerated() {
            let column = index / inner.height
            guard column < columnCount else { break }
            let x = inner.x + column * columnWidth + 1
            let y = inner.y + index % inner.height
            let cellArea = Rect(x: x, y: y, width: columnWidth - 2, height: 1)
            if line.isTitle {
                canvas.write(line.text, at: Point(x: x, y: y), role: .title, attributes: .bold, clip: cellArea)
            } else {
                canvas.write(line.text.padded(toWidth: keyWidth), at: Point(x: x, y: y), role: .key, attributes: .bold,
                             clip: cellArea)
                canvas.write(line.label, at: Point(x: x + keyWidth + 1, y: y), role: .dialog, clip: cellArea)
            }
        }
    }

    /// A line of the overlay: a section title, or keys and what they do (both empty between sections).
    private struct Line {
        /// The section title, or the keys.
        var text: String
        /// What the keys do; empty for a title.
        var label: String
        var isTitle: Bool
    }
}
