/// A cell colour as the guest asked for it; the UI maps it to what the real terminal can show.
public enum Color: Sendable, Hashable {
    /// The terminal's default foreground or background.
    case `default`
    /// One of the 16 named ANSI colours (SGR 30–37, 90–97 and their backgrounds, or 256-colour 0–15).
    case named(NamedColor)
    /// A colour of the 256-colour palette from 16 to 255 (6x6x6 cube and grey ramp).
    case indexed(UInt8)
    /// A 24-bit colour (SGR 38;2;r;g;b).
    case rgb(red: UInt8, green: UInt8, blue: UInt8)

    /// The colour for a 256-colour palette index: indexes below 16 are the named colours.
    public static func palette(_ index: UInt8) -> Color {
        if let named = NamedColor(rawValue: index) { return .named(named) }
        return .indexed(index)
    }
}

/// The 16 ANSI colours, numbered as in SGR (0–7 normal, 8–15 bright).
public enum NamedColor: UInt8, Sendable, Hashable, CaseIterable {
    /// Black (SGR 30/40).
    case black
    /// Red (SGR 31/41).
    case red
    /// Green (SGR 32/42).
    case green
    /// Yellow (SGR 33/43).
    case yellow
    /// Blue (SGR 34/44).
    case blue
    /// Magenta (SGR 35/45).
    case magenta
    /// Cyan (SGR 36/46).
    case cyan
    /// White (SGR 37/47).
    case white
    /// Bright black, i.e. grey (SGR 90/100).
    case brightBlack
    /// Bright red (SGR 91/101).
    case brightRed
    /// Bright green (SGR 92/102).
    case brightGreen
    /// Bright yellow (SGR 93/103).
    case brightYellow
    /// Bright blue (SGR 94/104).
    case brightBlue
    /// Bright magenta (SGR 95/105).
    case brightMagenta
    /// Bright cyan (SGR 96/106).
    case brightCyan
    /// Bright white (SGR 97/107).
    case brightWhite
}
