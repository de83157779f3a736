import TerminalSafety

/// An in-memory grid of cells that views draw into and screens present.
///
/// Text written is shown safely: a terminal control in it (ESC, other C0 controls, DEL, C1) is drawn
/// as a visible escape such as `\e` (``TerminalSanitizer``), tab and newline as `\t` and `\n`, so a
/// VM name or an error from the pool cannot drive the terminal or break a row. Drawing is clipped to the canvas (and to an optional area); wide characters take two cells and
/// are never split at the right edge.
public struct Canvas: Sendable, Hashable {
    /// The size in cells.
    public let size: Size
    private var cells: [Cell]

    /// A blank canvas of `size`.
    public init(size: Size) {
        self.size = size
        cells = Array(repeating: .blank, count: size.width * size.height)
    }

    /// A blank canvas of `width` x `height`.
    public init(width: Int, height: Int) {
        self.init(size: Size(width: width, height: height))
    }

    /// The whole canvas as a rectangle.
    public var bounds: Rect { Rect(size: size) }

    /// The cell at column `x`, row `y` (a blank cell outside the canvas).
    public subscript(x: Int, y: Int) -> Cell {
        get {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return .blank }
            return cells[y * size.width + x]
        }
        set {
            guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
            cells[y * size.width + x] = newValue
        }
    }

    /// The cells of one row.
    public func row(_ y: Int) -> ArraySlice<Cell> {
        guard y >= 0, y < size.height else { return [] }
        return cells[(y * size.width)..<((y + 1) * size.width)]
    }

    /// Fills `area` with `cell`.
    public mutating func fill(_ area: Rect, with cell: Cell = .blank) {
        let clipped = clip(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX { cells[y * size.width + x] = cell }
        }
    }

    /// Writes `text` from `point`, clipped to `clip` (default: the canvas), controls shown as visible
    /// escapes; returns the columns used.
    @discardableResult
    public mutating func write(
        _ text: some StringProtocol, at point: Point, role: Role = .normal, attributes: Attributes = [],
        clip area: Rect? = nil
    ) -> Int {
        let limit = clip(area ?? bounds)
        guard point.y >= limit.y, point.y < limit.maxY else { return 0 }
        var x = point.x
        for character in text.terminalSafeLine {
            let width = character.displayWidth
            if width == 0 { continue }
            if x + width > limit.maxX { break }
            if x >= limit.x {
                cells[point.y * size.width + x] = Cell(String(character), role: role, attributes: attributes)
                if width == 2 {
                    cells[point.y * size.width + x + 1] = Cell("", role: role, attributes: attributes)
                }
            }
            x += width
        }
        return x - point.x
    }

    /// Sets the role and attributes of every cell in `area`, keeping the text.
    public mutating func restyle(_ area: Rect, role: Role, attributes: Attributes = []) {
        let clipped = clip(area)
        guard !clipped.isEmpty else { return }
        for y in clipped.y..<clipped.maxY {
            for x in clipped.x..<clipped.maxX {
                cells[y * size.width + x].role = role
                cells[y * size.width + x].attributes = attributes
            }
        }
    }

    /// The text of each row, trailing spaces removed (for tests and clipboard copies).
    public var lines: [String] {
        (0..<size.height).map { text(ofRow: $0) }
    }

    /// The text of one row with trailing spaces removed.
    public func text(ofRow y: Int) -> String {
        var line = ""
        for cell in row(y) where !cell.isContinuation { line += cell.text }
        while line.last == " " { line.removeLast() }
        return line
    }

    private func clip(_ area: Rect) -> Rect {
        let x0 = max(0, area.x)
        let y0 = max(0, area.y)
        let x1 = min(size.width, area.maxX)
        let y1 = min(size.height, area.maxY)
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }
}
