/// A key and what it does, for the hint bar and the help overlay.
public struct KeyHint: Sendable, Hashable {
    /// The key as shown, e.g. `q` or `Tab`.
    public var keys: String
    /// What it does, e.g. `quit`.
    public var label: String

    /// Creates a hint.
    public init(_ keys: String, _ label: String) {
        self.keys = keys
        self.label = label
    }
}
