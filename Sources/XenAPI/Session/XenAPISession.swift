public import XMLRPC
import Secrets
import Synchronization

/// A logged-in conversation with a pool: sends XenAPI calls over a ``XenAPITransport`` and keeps the
/// session valid.
///
/// Calls block the calling thread until the reply arrives (libcurl's easy interface is blocking); run
/// them off any UI thread. The session is thread-safe: calls may be made from several threads at once.
///
/// - ``login()`` sends `session.login_with_password(user, password, "1.1", "xsfai")`. A pool member
///   answers `HOST_IS_SLAVE [master]`; the session then connects to that address with the same scheme
///   and port and logs in there, so all later calls go to the master (``masterURL``).
/// - ``call(_:_:timeout:)`` prepends the session reference. On `SESSION_INVALID` (expired or lost on a
///   toolstack restart) it logs in again and retries the call once. A call made before ``login()`` logs
///   in first.
/// - A connection lost before the reply is retried once on a new connection for read-only calls
///   (`get_*`, `event.from`, login) and for `session.logout`. Calls that change state go out through
///   ``XenAPITransport/postOnce(_:timeout:)`` and are never resent: a lost reply is reported, since
///   the server may have acted (the controller reads back to decide).
public final class XenAPISession: Sendable {
    /// The URL the session was created with (a pool member or the master).
    public let poolURL: XenAPIURL
    /// Who logs in.
    public let credentials: Credentials
    /// Makes transports for the master after a redirect, and for separate connections.
    public let factory: any XenAPITransportFactory
    /// The reply timeout for calls that do not give their own.
    public let callTimeout: Duration

    private struct State: Sendable {
        var url: XenAPIURL
        var transport: any XenAPITransport
        var sessionReference: String?
        var generation = 0
    }

    private let state: Mutex<State>
    /// Serialises logins; holds the generation of the last login.
    private let loginLock = Mutex<Void>(())

    /// Creates a session (not yet logged in) for the pool at `url`.
    public init(
        url: XenAPIURL, credentials: Credentials, factory: any XenAPITransportFactory,
        callTimeout: Duration = .seconds(120)
    ) throws {
        poolURL = url
        self.credentials = credentials
        self.factory = factory
        self.callTimeout = callTimeout
        state = Mutex(State(url: url, transport: try factory.transport(for: url)))
    }

    /// The URL calls go to: the pool master once a login followed HOST_IS_SLAVE, else ``poolURL``.
    public var masterURL: XenAPIURL { state.withLock { $0.url } }

    /// The user name the session logs in with.
    public var userName: String { credentials.user }

    /// The current session reference (`OpaqueRef:…`), nil before login and after logout.
    public var sessionReference: String? { state.withLock { $0.sessionReference } }

    /// Whether the session holds a session reference.
    public var isLoggedIn: Bool { sessionReference != nil }

    /// Logs in, following HOST_IS_SLAVE to the master (at most three redirects).
    public func login() throws {
        let seen = state.withLock { $0.generation }
        try login(unlessNewerThan: seen, force: true)
    }

    /// Calls `method` with the session reference prepended to `params` and returns the `Value`.
    ///
    /// Throws ``XenAPIError`` for a `Failure` reply, ``XenAPIProtocolError`` for a reply that is not
    /// XenAPI, and ``TransportError`` for network and HTTP failures.
    public func call(_ method: String, _ params: [XMLRPCValue], timeout: Duration? = nil) throws -> XMLRPCValue {
        try call(method, params, timeout: timeout) { try XenAPIReply.value(of: $0, method: method) }
    }

    /// Calls `method` like ``call(_:_:timeout:)`` but hands the reply body to `interpret`, which throws
    /// as ``XenAPIReply`` does (so a `SESSION_INVALID` failure still logs in again and retries).
    func call<Result>(
        _ method: String, _ params: [XMLRPCValue], timeout: Duration? = nil,
        interpret: ([UInt8]) throws -> Result
    ) throws -> Result {
        var (transport, reference, generation) = try currentSession()
        do {
            return try send(method, [.string(reference)] + params, over: transport, timeout: timeout, interpret: interpret)
        } catch let error as XenAPIError where error.code == .sessionInvalid || error.code == .hostIsSlave {
            try login(unlessNewerThan: generation, force: false)
            (transport, reference, generation) = try currentSession()
            return try send(method, [.string(reference)] + params, over: transport, timeout: timeout, interpret: interpret)
        }
    }

    /// Calls the read-only `method` like ``call(_:_:timeout:)`` but decodes the reply while it arrives:
    /// every attempt (the resend after a lost connection, the retry after logging in again) gets a
    /// fresh receiver from `makeReceiver`, and `finish` turns the last one into the result.
    func streamingCall<Receiver: XenAPIReplyReceiver, Result>(
        _ method: String, _ params: [XMLRPCValue], timeout: Duration? = nil,
        receiver makeReceiver: () -> Receiver, finish: (Receiver) throws -> Result
    ) throws -> Result {
        precondition(Self.isSafeToResend(method), "only calls safe to resend are streamed (they may be resent)")
        func attempt(_ transport: any XenAPITransport, _ reference: String) throws -> Result {
            let body = XMLRPCEncoder.methodCall(method, params: [.string(reference)] + params)
            let limit = timeout ?? callTimeout
            var receiver = makeReceiver()
            do {
                try transport.post(body, timeout: limit, to: receiver)
            } catch let error as TransportError where error.isRetryable {
                receiver = makeReceiver()
                try transport.post(body, timeout: limit, to: receiver)
            }
            return try finish(receiver)
        }
        var (transport, reference, generation) = try currentSession()
        do {
            return try attempt(transport, reference)
        } catch let error as XenAPIError where error.code == .sessionInvalid || error.code == .hostIsSlave {
            try login(unlessNewerThan: generation, force: false)
            (transport, reference, generation) = try currentSession()
            return try attempt(transport, reference)
        }
    }

    /// Calls `method` without a session reference (e.g. `session.login_with_password`).
    public func callWithoutSession(_ method: String, _ params: [XMLRPCValue], timeout: Duration? = nil) throws
        -> XMLRPCValue
    {
        let transport = state.withLock { $0.transport }
        return try send(method, params, over: transport, timeout: timeout)
    }

    /// Logs out (best effort: errors are ignored, the reference is forgotten either way).
    public func logout() {
        let (transport, reference) = state.withLock { state in
            defer { state.sessionReference = nil }
            return (state.transport, state.sessionReference)
        }
        guard let reference else { return }
        _ = try? send("session.logout", [.string(reference)], over: transport, timeout: .seconds(10))
    }

    /// A new session for the same pool and user with its own connection, logged in separately
    /// (for event streams, whose calls block for a long time).
    public func makeSibling() throws -> XenAPISession {
        try XenAPISession(url: masterURL, credentials: credentials, factory: factory, callTimeout: callTimeout)
    }

    private func currentSession() throws -> (any XenAPITransport, String, Int) {
        let snapshot = state.withLock { ($0.transport, $0.sessionReference, $0.generation) }
        if let reference = snapshot.1 { return (snapshot.0, reference, snapshot.2) }
        try login(unlessNewerThan: snapshot.2, force: false)
        let after = state.withLock { ($0.transport, $0.sessionReference, $0.generation) }
        guard let reference = after.1 else { throw XenAPIError(code: .sessionInvalid, parameters: ["not logged in"]) }
        return (after.0, reference, after.2)
    }

    /// Logs in unless another thread already did so after generation `seen`.
    private func login(unlessNewerThan seen: Int, force: Bool) throws {
        try loginLock.withLock { _ in
            var (url, transport, generation, hasReference) = state.withLock {
                ($0.url, $0.transport, $0.generation, $0.sessionReference != nil)
            }
            if !force, generation != seen, hasReference { return }
            var redirects = 0
            while true {
                do {
                    var body = LoginRequest.body(user: credentials.user, password: credentials.password)
                    defer { SecretBytes.wipe(&body) }
                    let reply = try send(body: body, method: LoginRequest.method, over: transport, timeout: nil) {
                        try XenAPIReply.value(of: $0, method: LoginRequest.method)
                    }
                    guard let reference = reply.stringValue, !reference.isEmpty else {
                        throw XenAPIProtocolError(
                            method: "session.login_with_password", problem: "the session reference is \(reply.summary)")
                    }
                    generation += 1
                    state.withLock { [url, transport, generation] state in
                        state.url = url
                        state.transport = transport
                        state.sessionReference = reference
                        state.generation = generation
                    }
                    return
                } catch let error as XenAPIError where error.code == .hostIsSlave && redirects < 3 {
                    guard let master = error.parameters.first, !master.isEmpty else { throw error }
                    url = url.replacingHost(master)
                    transport = try factory.transport(for: url)
                    redirects += 1
                }
            }
        }
    }

    /// Posts one call (resending a read-only one once on a lost connection) and returns its `Value`.
    private func send(
        _ method: String, _ params: [XMLRPCValue], over transport: any XenAPITransport, timeout: Duration?
    ) throws -> XMLRPCValue {
        try send(method, params, over: transport, timeout: timeout) { try XenAPIReply.value(of: $0, method: method) }
    }

    /// Posts one call (resending a read-only one once on a lost connection) and interprets the reply body.
    private func send<Result>(
        _ method: String, _ params: [XMLRPCValue], over transport: any XenAPITransport, timeout: Duration?,
        interpret: ([UInt8]) throws -> Result
    ) throws -> Result {
        try send(body: XMLRPCEncoder.methodCall(method, params: params), method: method, over: transport, timeout: timeout, interpret: interpret)
    }

    /// Posts the encoded call `body` to `method` (resending a read-only one once on a lost connection)
    /// and interprets the reply body.
    private func send<Result>(
        body: [UInt8], method: String, over transport: any XenAPITransport, timeout: Duration?,
        interpret: ([UInt8]) throws -> Result
    ) throws -> Result {
        let limit = timeout ?? callTimeout
        let reply: [UInt8]
        if Self.isSafeToResend(method) {
            do {
                reply = try transport.post(body, timeout: limit)
            } catch let error as TransportError where error.isRetryable {
                reply = try transport.post(body, timeout: limit)
            }
        } else {
            reply = try transport.postOnce(body, timeout: limit)
        }
        return try interpret(reply)
    }

    /// Whether resending `method` after a lost connection cannot repeat a change: reads, and
    /// `session.logout` (a second logout of the same session changes nothing), which therefore goes
    /// over the kept-alive connection instead of opening one of its own.
    static func isSafeToResend(_ method: String) -> Bool {
        let message = method.split(separator: ".").last ?? ""
        return message.hasPrefix("get_") || method == "event.from" || method == "session.login_with_password"
            || method == "session.logout"
    }
}
