import CNcursesw
import TUI

/// Maps roles to ncurses attributes and colour pairs; monochrome when colour is off.
final class Palette {
    private let useColor: Bool
    private let bright: Bool
    private var pairs: [Role: Int16] = [:]
    private var nextPair: Int16 = 1
    private let maxPairs: Int

    init(useColor: Bool) {
        self.useColor = useColor
        if useColor {
            start_color()
            use_default_colors()
        }
        bright = useColor && xsfai_colors() >= 16
        maxPairs = useColor ? Int(min(Int32(Int16.max), xsfai_color_pairs())) : 0
    }

    /// Attributes and pair number for a cell.
    func style(role: Role, attributes: Attributes) -> (attr_t, Int16) {
        var attr = convert(attributes)
        guard useColor else {
            return (attr | monochrome(role), 0)
        }
        attr |= emphasis(role)
        if case .console(let fg, _) = role, let fg, fg >= 8, !bright { attr |= xsfai_a_bold() }
        return (attr, pair(for: role))
    }

    private func convert(_ attributes: Attributes) -> attr_t {
        var attr = xsfai_a_normal()
        if attributes.contains(.bold) { attr |= xsfai_a_bold() }
        if attributes.contains(.underline) { attr |= xsfai_a_underline() }
        if attributes.contains(.reverse) { attr |= xsfai_a_reverse() }
        if attributes.contains(.dim) { attr |= xsfai_a_dim() }
        if attributes.contains(.italic) { attr |= xsfai_a_italic() }
        if attributes.contains(.blink) { attr |= xsfai_a_blink() }
        return attr
    }

    private func monochrome(_ role: Role) -> attr_t {
        switch role {
        case .selection, .statusBar, .currentMatch: return xsfai_a_reverse()
        case .error: return xsfai_a_reverse() | xsfai_a_bold()
        case .title, .header, .key, .warning, .success: return xsfai_a_bold()
        case .match, .marker: return xsfai_a_underline() | xsfai_a_bold()
        case .dim: return xsfai_a_dim()
        case .normal, .dialog, .console: return xsfai_a_normal()
        }
    }

    private func emphasis(_ role: Role) -> attr_t {
        switch role {
        case .title, .header, .error, .key, .marker: return xsfai_a_bold()
        default: return xsfai_a_normal()
        }
    }

    private func pair(for role: Role) -> Int16 {
        if let known = pairs[role] { return known }
        guard Int(nextPair) < maxPairs else { return 0 }
        let (fg, bg) = colors(role)
        init_pair(nextPair, fg, bg)
        pairs[role] = nextPair
        nextPair += 1
        return nextPair - 1
    }

    private func colors(_ role: Role) -> (Int16, Int16) {
        let black = Int16(COLOR_BLACK), white = Int16(COLOR_WHITE), blue = Int16(COLOR_BLUE)
        let cyan = Int16(COLOR_CYAN), yellow = Int16(COLOR_YELLOW), red = Int16(COLOR_RED)
        let green = Int16(COLOR_GREEN), magenta = Int16(COLOR_MAGENTA)
        switch role {
        case .normal, .dialog: return (-1, -1)
        case .title: return (cyan, -1)
        case .header: return (yellow, -1)
        case .selection: return (black, cyan)
        case .dim: return (bright ? 8 : white, -1)
        case .statusBar: return (white, blue)
        case .error: return (white, red)
        case .success: return (green, -1)
        case .warning: return (yellow, -1)
        case .key: return (cyan, -1)
        case .match: return (black, yellow)
        case .currentMatch: return (black, magenta)
        case .marker: return (magenta, -1)
        case .console(let fg, let bg): return (consoleColor(fg), consoleColor(bg))
        }
    }

    private func consoleColor(_ index: UInt8?) -> Int16 {
        guard let index else { return -1 }
        if index < 8 { return Int16(index) }
        if index < 16 { return bright ? Int16(index) : Int16(index - 8) }
        return Int16(index) < Int16(xsfai_colors()) ? Int16(index) : -1
    }
}
