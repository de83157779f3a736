/// One HTTP endpoint (scheme://host:port) that carries XML-RPC requests to xapi.
///
/// Contract: ``post(_:timeout:)`` sends `body` with `POST /`, `Content-Type: text/xml` and a
/// `Content-Length`, and returns the response body of an HTTP 200 reply. HTTP statuses other than 200,
/// network failures and timeouts throw ``TransportError``. Implementations are thread-safe; concurrent
/// posts may use separate connections. The libcurl implementation lives in `CurlTransport`; tests use an
/// in-memory fake that records bodies and returns canned replies.
public protocol XenAPITransport: Sendable {
    /// POSTs an XML-RPC body to `/` and returns the response body; throws TransportError on HTTP/network failure.
    func post(_ body: [UInt8], timeout: Duration) throws -> [UInt8]
}

/// Makes transports for endpoints other than the first: the pool master after HOST_IS_SLAVE, and separate
/// connections (event streams) that must not block ordinary calls.
public protocol XenAPITransportFactory: Sendable {
    /// A new transport to `url`.
    func transport(for url: XenAPIURL) throws -> any XenAPITransport
}

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
