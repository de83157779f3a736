/// The `?` overlay: every key, grouped in sections, in a centred box.
///
/// Sections flow into as many columns as the width allows; labels wrap inside their column; when the
/// rows do not fit the height, every column scrolls together by ``scroll``.
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
    /// Rows scrolled off the top (clamped when drawn).
    public var scroll: Int

    /// Creates the overlay.
    public init(sections: [Section], scroll: Int = 0) {
        self.sections = sections
        self.scroll = scroll
    }

    /// How far the overlay can scroll in `area` (0 when everything fits).
    public func maximumScroll(in area: Rect) -> Int {
        let geometry = Geometry(sections: sections, area: area)
        return max(0, geometry.rowsPerColumn - geometry.inner.height)
    }

    /// Draws the overlay over `area`.
    public func render(into canvas: inout Canvas, area: Rect) {
        let geometry = Geometry(sections: sections, area: area)
        canvas.drawBox(geometry.box, title: "Keys — Esc or ? closes")
        let inner = geometry.inner
        guard inner.height > 0, inner.width > 0 else { return }
        let top = min(max(0, scroll), max(0, geometry.rowsPerColumn - inner.height))
        for (index, line) in geometry.rows.enumerated() {
            let column = index / geometry.rowsPerColumn
            let row = index % geometry.rowsPerColumn - top
            guard row >= 0, row < inner.height else { continue }
            let x = inner.x + column * geometry.columnWidth + 1
            let y = inner.y + row
            let cellArea = Rect(x: x, y: y, width: geometry.columnWidth - 2, height: 1)
            if line.isTitle {
                canvas.write(line.text, at: Point(x: x, y: y), role: .title, attributes: .bold, clip: cellArea)
            } else {
                canvas.write(line.text.padded(toWidth: geometry.keyWidth), at: Point(x: x, y: y), role: .key,
                             attributes: .bold, clip: cellArea)
                canvas.write(line.label, at: Point(x: x + geometry.keyWidth + 1, y: y), role: .dialog, clip: cellArea)
            }
        }
        if geometry.rowsPerColumn > inner.height {
            let text = " ↑↓ PgUp PgDn · \(top + 1)–\(top + inner.height) of \(geometry.rowsPerColumn) "
            canvas.write(text, at: Point(x: geometry.box.maxX - 2 - text.displayWidth, y: geometry.box.maxY - 1), role: .key)
        }
    }

    /// Where the rows go for an area: box, columns, and the rows with wrapped labels.
    private struct Geometry {
        let box: Rect
        let inner: Rect
        let keyWidth: Int
        let columnWidth: Int
        let rows: [Line]
        let rowsPerColumn: Int

        init(sections: [Section], area: Rect) {
            box = area.width > 100 ? area.centered(Size(width: 100, height: area.height)) : area
            inner = box.inset(by: 1)
            let keys = sections.flatMap(\.hints).map(\.keys.displayWidth)
            keyWidth = min(14, keys.max() ?? 0)
            let unwrapped = sections.reduce(0) { $0 + $1.hints.count + 2 } - 1
            let needed = (unwrapped + max(1, inner.height) - 1) / max(1, inner.height)
            let columnCount = max(1, min(needed, max(1, inner.width) / 36))
            columnWidth = max(1, inner.width / columnCount)
            let labelWidth = max(8, columnWidth - 2 - keyWidth - 1)
            var rows: [Line] = []
            for section in sections {
                if !rows.isEmpty { rows.append(Line(text: "", label: "", isTitle: false)) }
                rows.append(Line(text: section.title, label: "", isTitle: true))
                for hint in section.hints {
                    for (index, piece) in hint.label.wrapped(toWidth: labelWidth).enumerated() {
                        rows.append(Line(text: index == 0 ? hint.keys : "", label: index == 0 ? piece : "  " + piece, isTitle: false))
                    }
                }
            }
            self.rows = rows
            rowsPerColumn = max(1, (rows.count + columnCount - 1) / columnCount)
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
