/// A write whose reply was lost and whose effect could not be established by reading the pool back.
public struct WriteUncertainError: Error, Sendable, CustomStringConvertible {
    /// The call.
    public var call: APICall
    /// What the read-back found (or why it failed).
    public var finding: String

    public var description: String {
        "the reply to \(call.method) was lost and reading the pool back could not tell whether it took effect (\(finding))"
    }
}
