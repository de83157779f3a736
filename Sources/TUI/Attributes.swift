/// Text attributes, independent of colour (they survive NO_COLOR).
public struct Attributes: OptionSet, Sendable, Hashable {
    /// The raw bits.
    public let rawValue: UInt8
    /// Creates attributes from raw bits.
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Bold / bright.
    public static let bold = Attributes(rawValue: 1 << 0)
    /// Underlined.
    public static let underline = Attributes(rawValue: 1 << 1)
    /// Reverse video.
    public static let reverse = Attributes(rawValue: 1 << 2)
    /// Dim.
    public static let dim = Attributes(rawValue: 1 << 3)
    /// Italic.
    public static let italic = Attributes(rawValue: 1 << 4)
    /// Blinking (where the terminal blinks).
    public static let blink = Attributes(rawValue: 1 << 5)
    /// Crossed out (curses has no such attribute: screens draw it with a combining stroke).
    public static let strikethrough = Attributes(rawValue: 1 << 6)
}
