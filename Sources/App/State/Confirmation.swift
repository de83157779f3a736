/// A destructive action waiting for `y`.
public struct Confirmation: Sendable, Hashable {
    /// The question.
    public var question: String
    /// What `y` does.
    public var effect: Effect

    /// Creates a confirmation.
    public init(question: String, effect: Effect) {
        self.question = question
        self.effect = effect
    }
}
