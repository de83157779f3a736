extension Canvas {
    /// Draws a single-line box around `area` with an optional title in the top border; clears inside.
    public mutating func drawBox(_ area: Rect, title: String = "", role: Role = .dialog) {
        guard area.width >= 2, area.height >= 2 else { return }
        fill(area, with: Cell(" ", role: role))
        let horizontal = String(repeating: "─", count: area.width - 2)
        write("┌" + horizontal + "┐", at: area.origin, role: role)
        write("└" + horizontal + "┘", at: Point(x: area.x, y: area.maxY - 1), role: role)
        for y in (area.y + 1)..<(area.maxY - 1) {
            write("│", at: Point(x: area.x, y: y), role: role)
            write("│", at: Point(x: area.maxX - 1, y: y), role: role)
        }
        if !title.isEmpty {
            write(" \(title) ".truncated(toWidth: area.width - 4), at: Point(x: area.x + 2, y: area.y), role: role,
                  attributes: .bold)
        }
    }
}
