/// Why an HTTP exchange with xapi did not produce a reply body.
public struct TransportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The broad class of failure, for retry decisions.
    public enum Kind: String, Sendable, Hashable {
        /// The TCP connection could not be made (refused, unreachable, name not resolved).
        case connectFailed
        /// The connection broke or closed before a full reply arrived.
        case connectionLost
        /// No reply within the timeout.
        case timedOut
        /// The server answered with an HTTP status other than 200.
        case httpStatus
        /// TLS failed: the certificate is not trusted, the pin does not match, or the handshake broke.
        case tls
        /// Anything else (bad option, out of memory…).
        case other
    }

    /// The class of failure.
    public let kind: Kind
    /// The endpoint involved, e.g. `https://10.0.0.1`.
    public let endpoint: String
    /// A sentence explaining the failure (curl's message, the HTTP status line, …).
    public let message: String
    /// The HTTP status for `.httpStatus`, else nil.
    public let httpStatus: Int?

    /// Creates a transport error.
    public init(kind: Kind, endpoint: String, message: String, httpStatus: Int? = nil) {
        self.kind = kind
        self.endpoint = endpoint
        self.message = message
        self.httpStatus = httpStatus
    }

    /// Whether resending the same request on a new connection may succeed (the reply was not seen).
    public var isRetryable: Bool { kind == .connectionLost }

    /// A readable form for logs and messages.
    public var description: String { "\(endpoint): \(message)" }
}
