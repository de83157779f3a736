/// The status bar's message: the last action's result and its `xe` commands, or an error.
public struct StatusMessage: Sendable, Hashable {
    /// How the message is shown.
    public enum Kind: Sendable, Hashable {
        /// Neutral information.
        case info
        /// A change succeeded.
        case success
        /// Something failed: stays until dismissed with Esc.
        case error
    }

    /// The text.
    public var text: String
    /// The kind.
    public var kind: Kind
    /// Equivalent `xe` commands, shown after the text.
    public var xeCommands: [String]

    /// Creates a message.
    public init(_ text: String, kind: Kind = .info, xeCommands: [String] = []) {
        self.text = text
        self.kind = kind
        self.xeCommands = xeCommands
    }

    /// The whole line as shown.
    public var line: String {
        xeCommands.isEmpty ? text : text + "  ⟶  " + xeCommands.joined(separator: " ; ")
    }
}
