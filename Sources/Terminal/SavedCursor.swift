/// What DECSC (`ESC 7`) saves and DECRC (`ESC 8`) restores (not autowrap, as in xterm).
struct SavedCursor {
    var row: Int
    var column: Int
    var pen: PackedStyle
    var g0: Charset
    var g1: Charset
    var shiftedOut: Bool
    var originMode: Bool
}
