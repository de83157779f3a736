/// A screen cell as stored in the grid: 16 bytes, no references.
struct StoredCell {
    /// The base Unicode scalar (a space for blanks and for the right half of a wide character).
    var scalar: UInt32
    var style: PackedStyle
    /// 1, 2 for a wide character, 0 for the right half of a wide character.
    var width: UInt8
    /// Whether combining marks for this cell are kept in the grid's cluster table.
    var hasCluster: Bool

    static let space: UInt32 = 0x20

    static func blank(_ style: PackedStyle) -> StoredCell {
        StoredCell(scalar: space, style: style, width: 1, hasCluster: false)
    }

    /// Whether the cell is a default-style space (trimmed at the end of archived lines).
    var isPlainBlank: Bool { scalar == Self.space && width == 1 && !hasCluster && style == .plain }
}
