public import Terminal

/// Read access to the console capture (scrollback and screen) for drawing and copying.
public protocol ConsoleLines: AnyObject {
    /// Lines held: scrollback plus screen rows.
    var lineCount: Int { get }
    /// The cells of line `index` (0 = oldest).
    func cells(ofLine index: Int) -> [Terminal.Cell]
    /// The cursor as an absolute line and column, when the guest shows it.
    var cursorLine: (line: Int, column: Int)? { get }
}

extension ConsoleLines {
    /// The text of line `index`, trailing spaces removed.
    public func text(ofLine index: Int) -> String {
        var text = ""
        for cell in cells(ofLine: index) where !cell.isContinuation { text.append(cell.character) }
        while text.last == " " { text.removeLast() }
        return text
    }
}
