/// A destructive action waiting for `y`, with perhaps a second choice under another key.
public struct Confirmation: Sendable, Hashable {
    /// A second answer: `key` does `effect` instead (a rearm without the monitor arguments, say).
    public struct Alternative: Sendable, Hashable {
        /// The key.
        public var key: Character
        /// What it does, for the footer and hint bar.
        public var label: String
        /// Its effect.
        public var effect: Effect

        /// Creates an alternative.
        public init(key: Character, label: String, effect: Effect) {
            self.key = key
            self.label = label
            self.effect = effect
        }
    }

    /// The question.
    public var question: String
    /// What `y` does.
    public var effect: Effect
    /// What another key does instead, if offered.
    public var alternative: Alternative?

    /// Creates a confirmation.
    public init(question: String, effect: Effect, alternative: Alternative? = nil) {
        self.question = question
        self.effect = effect
        self.alternative = alternative
    }
}
