/// One character cell of the screen or of a scrollback line.
public struct Cell: Sendable, Hashable {
    /// The grapheme shown in the cell: a single scalar, or a base scalar with its combining marks.
    /// A blank cell holds a space; the right half of a wide character also holds a space.
    public var character: Character
    /// Columns the character occupies: 1, 2 for a wide character, 0 for the right half of a wide one.
    public var width: Int
    /// Colours and attributes.
    public var style: CellStyle

    /// Creates a cell.
    public init(character: Character, width: Int = 1, style: CellStyle = .plain) {
        self.character = character
        self.width = width
        self.style = style
    }

    /// A space in the default style.
    public static let blank = Cell(character: " ")

    /// Whether this cell is the right half of a wide character and draws nothing itself.
    public var isContinuation: Bool { width == 0 }
}
