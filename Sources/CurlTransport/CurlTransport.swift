internal import CCurl
public import XenAPI
import Synchronization

/// XML-RPC over HTTP(S) POST with libcurl: the production ``XenAPITransport``.
///
/// Each transport talks to one endpoint and keeps a few idle easy handles; a handle keeps its
/// connection open between requests (HTTP keep-alive, which xapi supports), so consecutive calls reuse
/// the TCP and TLS session. Concurrent posts take separate handles, so a slow call does not queue others.
/// Requests carry `Content-Type: text/xml` and a `Content-Length` (xapi refuses chunked bodies), and no
/// `Expect: 100-continue` (it would cost a round trip per call). Replies are read in 512 KiB pieces
/// (libcurl's default of 16 KiB means over a thousand reads for the 18 MB of a big pool's VM records)
/// into a buffer sized from the reply's `Content-Length`. libcurl sets TCP_NODELAY, so a small request
/// is not held back waiting for an ACK. The transfer timeout is the `timeout` of each post; the
/// connect timeout is fixed per transport. A reply body larger than ``replyLimit`` (declared in its
/// `Content-Length` or counted as it arrives, so an endless body too) ends the transfer with a
/// ``TransportError`` naming the limit; the body of an error status is read only up to 64 KiB, for
/// the message's excerpt.
public final class CurlTransport: XenAPITransport {
    /// The endpoint.
    public let url: XenAPIURL
    /// The certificate trust policy.
    public let tls: TLSOptions
    /// The limit for establishing a connection (TCP and TLS).
    public let connectTimeout: Duration

    /// The largest reply body accepted, in bytes.
    public let replyLimit: Int
    /// The default ``replyLimit``: 1 GiB, far above the ~200 MB of a 10,000-VM `VM.get_all_records`.
    public static let defaultReplyLimit = 1 << 30

    private let idleHandles = Mutex<[EasyHandle]>([])
    private static let maximumIdleHandles = 4
    /// libcurl's receive buffer per handle (`CURLOPT_BUFFERSIZE`).
    static let receiveBufferSize = 512 * 1024

    /// Creates a transport to `url`; no connection is made until the first post.
    public init(
        url: XenAPIURL, tls: TLSOptions = .systemTrust, connectTimeout: Duration = .seconds(10),
        replyLimit: Int = CurlTransport.defaultReplyLimit
    ) {
        self.url = url
        self.tls = tls
        self.connectTimeout = connectTimeout
        self.replyLimit = replyLimit
    }

    /// See the protocol requirement; libcurl-specific behaviour is described on the type.
    public func post(_ body: [UInt8], timeout: Duration) throws -> [UInt8] {
        try perform(body, timeout: timeout, freshConnection: false, into: ResponseBody(receiver: nil, limit: replyLimit)).bytes
    }

    /// Sends a state-changing call at most once, on a new connection.
    ///
    /// libcurl resends a request by itself when it went out on a *reused* keep-alive connection and
    /// nothing came back (`Curl_retry_request`: "Connection died, retrying a fresh connect") — POSTs
    /// included. When the server carried the call out and the connection died before the reply (a
    /// lost reply), that resend makes the change twice: two `VM.clone`s, an orphan with its disks.
    /// libcurl only does this for reused connections, so a write is sent with `CURLOPT_FRESH_CONNECT`
    /// on a connection of its own: a lost reply then ends the transfer with `CURLE_GOT_NOTHING` (a
    /// `connectionLost` ``TransportError``) and nothing is sent again. The cost is one TCP (and TLS)
    /// handshake per write; writes are few, reads keep reusing connections.
    public func postOnce(_ body: [UInt8], timeout: Duration) throws -> [UInt8] {
        try perform(body, timeout: timeout, freshConnection: true, into: ResponseBody(receiver: nil, limit: replyLimit)).bytes
    }

    /// See the protocol requirement: each piece libcurl reads (up to ``receiveBufferSize``) goes to
    /// `receiver` as it arrives; the body of a reply other than 200 is kept for the error instead.
    public func post(_ body: [UInt8], timeout: Duration, to receiver: any XenAPIReplyReceiver) throws {
        _ = try perform(body, timeout: timeout, freshConnection: false, into: ResponseBody(receiver: receiver, limit: replyLimit))
    }

    /// POSTs `body` (on a new connection when `freshConnection`), filling `response`, and checks the HTTP status.
    private func perform(
        _ body: [UInt8], timeout: Duration, freshConnection: Bool, into response: ResponseBody
    ) throws -> ResponseBody {
        let handle = try takeHandle()
        response.handle = handle
        response.endpoint = url.description
        do {
            try handle.set(transferTimeout: timeout)
            try handle.set(CURLOPT_FRESH_CONNECT, freshConnection ? 1 : 0)
            try handle.check(
                xsfai_curl_setopt_pointer(handle.raw, CURLOPT_WRITEDATA, Unmanaged.passUnretained(response).toOpaque()))
            try body.withUnsafeBytes { bytes in
                let start = UnsafeMutableRawPointer(mutating: bytes.baseAddress)
                try handle.check(xsfai_curl_setopt_pointer(handle.raw, CURLOPT_POSTFIELDS, start))
                try handle.check(
                    xsfai_curl_setopt_off_t(handle.raw, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(bytes.count)))
                try handle.perform()
            }
        } catch let error as CurlError {
            if let receiverError = response.receiverError { throw receiverError }
            if error.isUntrustedCertificate {
                throw UntrustedCertificate.explain(error, url: url, connectTimeout: connectTimeout)
            }
            throw error.transportError(endpoint: url.description)
        }
        let status = handle.responseCode
        giveBack(handle)
        guard status == 200 else {
            let excerpt = String(decoding: response.bytes.prefix(200), as: UTF8.self)
            throw TransportError(
                kind: .httpStatus, endpoint: url.description,
                message: "HTTP \(status) from the server\(excerpt.isEmpty ? "" : ": \(excerpt)")", httpStatus: status)
        }
        if let receiver = response.receiver, !response.hasStarted { receiver.expect(length: 0) }
        return response
    }

    private func takeHandle() throws -> EasyHandle {
        if let handle = idleHandles.withLock({ $0.popLast() }) { return handle }
        let handle = try EasyHandle()
        do {
            try handle.set(url: "\(url)/")
            try handle.set(connectTimeout: connectTimeout)
            try handle.set(CURLOPT_POST, 1)
            try handle.set(CURLOPT_BUFFERSIZE, Self.receiveBufferSize)
            try handle.set(headers: ["Content-Type: text/xml", "Expect:"])
            try handle.set(tls: tls, scheme: url.scheme)
            try handle.check(xsfai_curl_setopt_write_function(handle.raw, ResponseBody.append))
        } catch let error as CurlError {
            throw error.transportError(endpoint: url.description)
        }
        return handle
    }

    private func giveBack(_ handle: EasyHandle) {
        idleHandles.withLock { idle in
            if idle.count < Self.maximumIdleHandles { idle.append(handle) }
        }
    }
}

/// The body of one response, filled by curl's write callback: kept in `bytes`, or handed to a
/// receiver piece by piece when the status is 200 and there is one.
final class ResponseBody {
    var bytes: [UInt8] = []
    /// Takes the body of a 200 reply as it arrives, instead of `bytes`.
    let receiver: (any XenAPIReplyReceiver)?
    /// What the receiver threw: the transfer was stopped and this is the post's error.
    private(set) var receiverError: (any Error)?
    /// Whether the first piece of the body has been seen.
    private(set) var hasStarted = false
    private var streams = false
    /// The handle performing the transfer (set before it starts), for the status and the length.
    var handle: EasyHandle?
    /// Capacity reserved up front from `Content-Length` at most (a bigger reply still grows as it comes).
    private static let reservationLimit = 256 * 1024 * 1024
    /// How much of an error status's body is kept (for the message's excerpt).
    private static let errorBodyLimit = 64 * 1024
    /// The largest body accepted.
    private let limit: Int
    /// Bytes received so far.
    private var received = 0
    /// The endpoint, for messages.
    var endpoint = ""

    init(receiver: (any XenAPIReplyReceiver)?, limit: Int = CurlTransport.defaultReplyLimit, handle: EasyHandle? = nil) {
        self.receiver = receiver
        self.limit = limit
        self.handle = handle
    }

    /// The error ending a reply that outgrew ``limit``.
    private func tooLarge(_ size: String) -> TransportError {
        TransportError(
            kind: .other, endpoint: endpoint,
            message: "the reply is larger than the \(Self.describe(limit)) limit (\(size)); stopped reading it")
    }

    private static func describe(_ bytes: Int) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }

    /// On the first piece (the headers have been read): streams when the status is 200 and there is a
    /// receiver, telling it the length; otherwise reserves room for the whole body.
    private func start() -> Bool {
        hasStarted = true
        var length: curl_off_t = -1
        if let handle { _ = xsfai_curl_getinfo_off_t(handle.raw, CURLINFO_CONTENT_LENGTH_DOWNLOAD_T, &length) }
        if length > curl_off_t(limit), handle?.responseCode == 200 {
            receiverError = tooLarge("Content-Length \(length)")
            return false
        }
        if let receiver, handle?.responseCode == 200 {
            streams = true
            receiver.expect(length: length >= 0 ? Int(length) : nil)
        } else if length > 0 {
            bytes.reserveCapacity(Int(min(length, curl_off_t(Self.reservationLimit))))
        }
        return true
    }

    /// Takes one piece; false when the receiver threw (the transfer must stop).
    private func take(_ piece: UnsafeRawBufferPointer) -> Bool {
        if !hasStarted, !start() { return false }
        received += piece.count
        let isError = handle.map { $0.responseCode != 200 } ?? false
        if received > limit && !isError {
            receiverError = tooLarge("more than \(Self.describe(limit)) received")
            return false
        }
        guard streams, let receiver else {
            if isError && bytes.count >= Self.errorBodyLimit {
                let status = handle?.responseCode ?? 0
                receiverError = TransportError(
                    kind: .httpStatus, endpoint: endpoint,
                    message: "HTTP \(status) from the server: \(String(decoding: bytes.prefix(200), as: UTF8.self))",
                    httpStatus: status)
                return false
            }
            bytes.append(contentsOf: piece.bindMemory(to: UInt8.self))
            return true
        }
        do {
            try receiver.receive(piece)
            return true
        } catch {
            receiverError = error
            return false
        }
    }

    /// `CURLOPT_WRITEFUNCTION`: appends to the `ResponseBody` passed as `CURLOPT_WRITEDATA`.
    static let append: @convention(c) (UnsafeMutablePointer<CChar>?, Int, Int, UnsafeMutableRawPointer?) -> Int = {
        data, size, count, context in
        guard let data, let context else { return 0 }
        let length = size * count
        let body = Unmanaged<ResponseBody>.fromOpaque(context).takeUnretainedValue()
        return body.take(UnsafeRawBufferPointer(start: data, count: length)) ? length : 0
    }
}
