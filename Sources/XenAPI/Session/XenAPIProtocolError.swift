/// A reply that does not follow the XenAPI wire protocol (not XML-RPC, no Status wrapper, wrong value shape).
public struct XenAPIProtocolError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The call that got the reply.
    public let method: String
    /// What was wrong.
    public let problem: String

    /// Creates the error.
    public init(method: String, problem: String) {
        self.method = method
        self.problem = problem
    }

    /// A readable form for logs and messages.
    public var description: String { "unexpected reply to \(method): \(problem)" }
}
