import TUI

/// The bytes a key sends to the VM in console input mode, as a vt100 would send them.
enum ConsoleInput {
    /// The bytes for `key` (empty when the key sends nothing).
    static func bytes(for key: Key) -> [UInt8] {
        switch key {
        case .character(let c): return Array(String(c).utf8)
        case .control(let c):
            guard let ascii = c.asciiValue else { return [] }
            return [ascii & 0x1F]
        case .enter: return [0x0D]
        case .tab: return [0x09]
        case .backTab: return Array("\u{1b}[Z".utf8)
        case .escape: return [0x1B]
        case .backspace: return [0x7F]
        case .delete: return Array("\u{1b}[3~".utf8)
        case .up: return Array("\u{1b}[A".utf8)
        case .down: return Array("\u{1b}[B".utf8)
        case .right: return Array("\u{1b}[C".utf8)
        case .left: return Array("\u{1b}[D".utf8)
        case .home: return Array("\u{1b}[H".utf8)
        case .end: return Array("\u{1b}[F".utf8)
        case .pageUp: return Array("\u{1b}[5~".utf8)
        case .pageDown: return Array("\u{1b}[6~".utf8)
        case .function(let n):
            let codes = [11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24]
            return n >= 1 && n <= 12 ? Array("\u{1b}[\(codes[n - 1])~".utf8) : []
        case .paste(let text):
            return Array(text.replacingNewlines.utf8)
        }
    }
}

extension String {
    /// Newlines as a terminal's Enter sends them (CR).
    fileprivate var replacingNewlines: String {
        String(map { $0.isNewline ? "\r" : $0 })
    }
}
