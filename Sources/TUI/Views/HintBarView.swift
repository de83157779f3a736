/// The one-line hint bar: `key label` pairs, as many as fit (htop's function bar).
public struct HintBarView: Sendable {
    /// The hints, most important first.
    public var hints: [KeyHint]

    /// Creates a hint bar.
    public init(hints: [KeyHint]) { self.hints = hints }

    /// Draws into the first row of `area`; hints that do not fit are left out whole.
    public func render(into canvas: inout Canvas, area: Rect) {
        guard !area.isEmpty else { return }
        let row = Rect(x: area.x, y: area.y, width: area.width, height: 1)
        canvas.fill(row)
        var x = row.x
        for hint in hints {
            let needed = hint.keys.displayWidth + 1 + hint.label.displayWidth
            if x + needed > row.maxX { break }
            x += canvas.write(hint.keys, at: Point(x: x, y: row.y), role: .key, attributes: .bold, clip: row)
            x += canvas.write(" " + hint.label, at: Point(x: x, y: row.y), role: .dim, clip: row)
            x += 2
        }
    }
}
