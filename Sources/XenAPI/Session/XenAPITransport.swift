/// One HTTP endpoint (scheme://host:port) that carries XML-RPC requests to xapi.
///
/// Contract: ``post(_:timeout:)`` sends `body` with `POST /`, `Content-Type: text/xml` and a
/// `Content-Length`, and returns the response body of an HTTP 200 reply. HTTP statuses other than 200,
/// network failures and timeouts throw ``TransportError``. Implementations are thread-safe; concurrent
/// posts may use separate connections. The libcurl implementation lives in `CurlTransport`; tests use an
/// in-memory fake that records bodies and returns canned replies.
public protocol XenAPITransport: Sendable {
    /// POSTs an XML-RPC body to `/` and returns the response body; throws TransportError on HTTP/network failure.
    /// The transport may send the request again by itself when a reused connection turns out dead.
    func post(_ body: [UInt8], timeout: Duration) throws -> [UInt8]

    /// POSTs a state-changing call: the request goes out at most once. The transport never repeats it
    /// by itself (a lost reply is a ``TransportError`` of kind `connectionLost`; the caller reads back
    /// to learn whether the call took effect).
    func postOnce(_ body: [UInt8], timeout: Duration) throws -> [UInt8]

    /// POSTs like ``post(_:timeout:)`` and hands the body of the HTTP 200 reply to `receiver` piece by
    /// piece as it is read, so a big reply can be decoded while the rest is still on the wire. An error
    /// thrown by the receiver ends the transfer and is rethrown. The default hands the whole body over
    /// at once.
    func post(_ body: [UInt8], timeout: Duration, to receiver: any XenAPIReplyReceiver) throws
}

extension XenAPITransport {
    /// For transports that never resend on their own (in-memory fakes), sending once is ``post(_:timeout:)``.
    public func postOnce(_ body: [UInt8], timeout: Duration) throws -> [UInt8] {
        try post(body, timeout: timeout)
    }

    /// Reads the whole reply with ``post(_:timeout:)``, then hands it to `receiver` in one piece.
    public func post(_ body: [UInt8], timeout: Duration, to receiver: any XenAPIReplyReceiver) throws {
        let reply = try post(body, timeout: timeout)
        receiver.expect(length: reply.count)
        try reply.withUnsafeBytes { try receiver.receive($0) }
    }
}

/// Takes a reply body piece by piece as a transport reads it (see ``XenAPITransport/post(_:timeout:to:)``).
public protocol XenAPIReplyReceiver: AnyObject {
    /// Called once before any bytes, with the body's length when the server gave it (`Content-Length`).
    func expect(length: Int?)
    /// Called with each piece of the body, in order.
    func receive(_ bytes: UnsafeRawBufferPointer) throws
}

/// Makes transports for endpoints other than the first: the pool master after HOST_IS_SLAVE, and separate
/// connections (event streams) that must not block ordinary calls.
public protocol XenAPITransportFactory: Sendable {
    /// A new transport to `url`.
    func transport(for url: XenAPIURL) throws -> any XenAPITransport
}
