/// The colours and attributes a cell is drawn with.
public struct CellStyle: Sendable, Hashable {
    /// Foreground (text) colour.
    public var foreground: Color
    /// Background colour.
    public var background: Color
    /// Bold, underline, reverse and the other attributes.
    public var attributes: CellAttributes

    /// Creates a style; every part defaults to the terminal's default.
    public init(foreground: Color = .default, background: Color = .default, attributes: CellAttributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    /// Default colours and no attributes.
    public static let plain = CellStyle()
}
