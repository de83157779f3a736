/// What DECSC (`ESC 7`) saves and DECRC (`ESC 8`) restores.
struct SavedCursor {
    var row: Int
    var column: Int
    var pen: PackedStyle
    var g0: Charset
    var g1: Charset
    var shiftedOut: Bool
    var originMode: Bool
    var autowrap: Bool
}
