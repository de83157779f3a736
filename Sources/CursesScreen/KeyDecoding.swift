import CNcursesw
import TUI

/// Turns ncurses input into `Key` values.
enum KeyDecoding {
    /// A function-key code from `get_wch` (`KEY_CODE_YES`).
    static func key(forCode code: Int32) -> Key? {
        switch code {
        case Int32(KEY_UP): return .up
        case Int32(KEY_DOWN): return .down
        case Int32(KEY_LEFT): return .left
        case Int32(KEY_RIGHT): return .right
        case Int32(KEY_PPAGE): return .pageUp
        case Int32(KEY_NPAGE): return .pageDown
        case Int32(KEY_HOME): return .home
        case Int32(KEY_END): return .end
        case Int32(KEY_BTAB): return .backTab
        case Int32(KEY_ENTER): return .enter
        case Int32(KEY_BACKSPACE): return .backspace
        case Int32(KEY_DC): return .delete
        case Int32(KEY_F0) + 1...Int32(KEY_F0) + 12: return .function(Int(code - Int32(KEY_F0)))
        default: return nil
        }
    }

    /// A character from `get_wch`, including control characters.
    static func key(for scalar: Unicode.Scalar) -> Key? {
        switch scalar.value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        case 0: return .control(" ")
        case 1...26:
            return Unicode.Scalar(scalar.value + 96).map { .control(Character($0)) }
        case 28: return .control("\\")
        case 29: return .control("]")
        case 30: return .control("^")
        case 31: return .control("_")
        default: return .character(Character(scalar))
        }
    }
}
