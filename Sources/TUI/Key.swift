/// A key press (or a pasted text) as the application sees it, independent of the terminal library.
public enum Key: Sendable, Hashable {
    /// A printable character.
    case character(Character)
    /// Ctrl plus a letter, lower case (`Ctrl-C` is `.control("c")`).
    case control(Character)
    /// Arrow up.
    case up
    /// Arrow down.
    case down
    /// Arrow left.
    case left
    /// Arrow right.
    case right
    /// Page up.
    case pageUp
    /// Page down.
    case pageDown
    /// Home.
    case home
    /// End.
    case end
    /// Tab.
    case tab
    /// Shift-Tab (back tab).
    case backTab
    /// Escape.
    case escape
    /// Enter / Return.
    case enter
    /// Backspace.
    case backspace
    /// Delete.
    case delete
    /// A function key, F1…F12.
    case function(Int)
    /// Text pasted with bracketed paste, delivered whole.
    case paste(String)

    /// A short human name, as shown in help (`Ctrl-C`, `PgUp`, `q`).
    public var name: String {
        switch self {
        case .character(" "): return "Space"
        case .character(let c): return String(c)
        case .control(let c): return "Ctrl-\(c.uppercased())"
        case .up: return "↑"
        case .down: return "↓"
        case .left: return "←"
        case .right: return "→"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .escape: return "Esc"
        case .enter: return "Enter"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .function(let n): return "F\(n)"
        case .paste: return "paste"
        }
    }
}
