/// Text attributes of a cell (SGR 1–9 and their resets).
public struct CellAttributes: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt16

    /// Creates attributes from raw bits.
    public init(rawValue: UInt16) {
        self.rawValue = rawValue
    }

    /// Bold or increased intensity (SGR 1).
    public static let bold = CellAttributes(rawValue: 1 << 0)
    /// Faint or decreased intensity (SGR 2).
    public static let dim = CellAttributes(rawValue: 1 << 1)
    /// Italic (SGR 3).
    public static let italic = CellAttributes(rawValue: 1 << 2)
    /// Underline (SGR 4).
    public static let underline = CellAttributes(rawValue: 1 << 3)
    /// Blink (SGR 5 or 6).
    public static let blink = CellAttributes(rawValue: 1 << 4)
    /// Reverse video (SGR 7).
    public static let reverse = CellAttributes(rawValue: 1 << 5)
    /// Concealed text (SGR 8).
    public static let hidden = CellAttributes(rawValue: 1 << 6)
    /// Crossed-out text (SGR 9).
    public static let strikethrough = CellAttributes(rawValue: 1 << 7)
}
