/// One cell of a canvas: a grapheme with its role and attributes.
///
/// A wide character (two columns) occupies its cell and the next one; the next cell is a
/// continuation cell with empty `text` so screens skip it.
public struct Cell: Sendable, Hashable {
    /// The grapheme drawn here; `" "` when blank, `""` for the right half of a wide character.
    public var text: String
    /// The colour role.
    public var role: Role
    /// Attributes.
    public var attributes: Attributes

    /// Creates a cell.
    public init(_ text: String = " ", role: Role = .normal, attributes: Attributes = []) {
        self.text = text
        self.role = role
        self.attributes = attributes
    }

    /// A blank cell with the normal role.
    public static let blank = Cell()

    /// Whether this is the right half of a wide character.
    public var isContinuation: Bool { text.isEmpty }
}
