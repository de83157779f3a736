/// A one-line editable text with a cursor: filters, prompts and form fields.
public struct TextInput: Sendable, Hashable {
    /// The text.
    public private(set) var text: String
    /// The cursor, as a character offset into `text`.
    public private(set) var cursor: Int

    /// Creates an input holding `text` with the cursor at its end.
    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns `false` when the key is not an editing key.
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            insert(String(c))
        case .paste(let pasted):
            insert(pasted.filter { !$0.isNewline })
        case .backspace:
            guard cursor > 0 else { return true }
            let index = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: index)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left:
            cursor = max(0, cursor - 1)
        case .right:
            cursor = min(text.count, cursor + 1)
        case .home, .control("a"):
            cursor = 0
        case .end, .control("e"):
            cursor = text.count
        case .control("u"):
            text = ""
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// The display column of the cursor within the text.
    public var cursorColumn: Int { text.prefix(cursor).displayWidth }

    private mutating func insert(_ fragment: String) {
        let index = text.index(text.startIndex, offsetBy: cursor)
        text.insert(contentsOf: fragment, at: index)
        cursor += fragment.count
    }
}
