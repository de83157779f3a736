/// A character set designated into G0 or G1 (`ESC ( x`, `ESC ) x`).
enum Charset {
    /// US ASCII (`ESC ( B`, and every set we do not model).
    case ascii
    /// DEC Special Graphics (`ESC ( 0`): line drawing.
    case decSpecialGraphics

    /// The set designated by the final byte of `ESC ( x`.
    init(designator: UInt8) {
        self = designator == UInt8(ascii: "0") ? .decSpecialGraphics : .ascii
    }

    /// `scalar` as shown in this set: DEC graphics maps 0x5F–0x7E to box-drawing and symbol characters.
    func map(_ scalar: UInt32) -> UInt32 {
        guard self == .decSpecialGraphics, scalar >= 0x5F, scalar <= 0x7E else { return scalar }
        return Self.decGraphics[Int(scalar - 0x5F)]
    }

    /// U+0020 for `_`, then `` ` `` ◆ through `~` ·, as xterm draws them.
    private static let decGraphics: [UInt32] = [
        0x0020, 0x25C6, 0x2592, 0x2409, 0x240C, 0x240D, 0x240A, 0x00B0, 0x00B1, 0x2424, 0x240B,
        0x2518, 0x2510, 0x250C, 0x2514, 0x253C, 0x23BA, 0x23BB, 0x2500, 0x23BC, 0x23BD, 0x251C,
        0x2524, 0x2534, 0x252C, 0x2502, 0x2264, 0x2265, 0x03C0, 0x2260, 0x00A3, 0x00B7,
    ]
}
