/// A `CellStyle` packed into 10 bytes for cell storage.
///
/// A colour is a `UInt32`: 0 is the default, `0x0100_00nn` palette index `nn`, `0x0200_0000 | rrggbb` RGB.
struct PackedStyle: Hashable {
    var foreground: UInt32
    var background: UInt32
    var attributes: UInt16

    static let plain = PackedStyle(foreground: 0, background: 0, attributes: 0)

    private static let paletteTag: UInt32 = 0x0100_0000
    private static let rgbTag: UInt32 = 0x0200_0000

    static func palette(_ index: UInt8) -> UInt32 { paletteTag | UInt32(index) }

    static func rgb(_ red: UInt8, _ green: UInt8, _ blue: UInt8) -> UInt32 {
        rgbTag | UInt32(red) << 16 | UInt32(green) << 8 | UInt32(blue)
    }

    /// The style of a blank left by an erase: the pen's background only (xterm's background-colour erase).
    var erased: PackedStyle { PackedStyle(foreground: 0, background: background, attributes: 0) }

    var style: CellStyle {
        CellStyle(
            foreground: Self.color(foreground),
            background: Self.color(background),
            attributes: CellAttributes(rawValue: attributes)
        )
    }

    private static func color(_ packed: UInt32) -> Color {
        switch packed & 0xFF00_0000 {
        case paletteTag: return .palette(UInt8(truncatingIfNeeded: packed))
        case rgbTag:
            return .rgb(
                red: UInt8(truncatingIfNeeded: packed >> 16),
                green: UInt8(truncatingIfNeeded: packed >> 8),
                blue: UInt8(truncatingIfNeeded: packed)
            )
        default: return .default
        }
    }
}
