/// Why a console could not be opened or stopped working.
public enum ConsoleError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The console `location` is not an http(s) URL with a path.
    case invalidLocation(String)
    /// 401: the session is not valid on the console's host.
    case unauthorized
    /// 404: the console no longer exists (the VM stopped, or rebooted and got a new console).
    case notFound
    /// 500: the server refused, e.g. the VM is not running on that host.
    case serverError(statusLine: String)
    /// 503: another client holds the console and the pool limits console sessions.
    case busy
    /// Another HTTP status.
    case unexpectedStatus(statusLine: String)
    /// The reply did not start with an HTTP status line or its headers never ended.
    case malformedReply(String)
    /// The connection failed or broke (message from the transport).
    case connectionFailed(String)
    /// The pool is reached over https but the console `location` is plain http: refused, nothing sent
    /// (the CONNECT carries the session reference).
    case downgradeRefused(location: String)

    /// A readable form for logs and messages.
    public var description: String {
        switch self {
        case .invalidLocation(let location):
            "the console location \"\(location)\" is not a usable URL"
        case .unauthorized:
            "the console host refused the session (HTTP 401): log in again"
        case .notFound:
            "the console is not available (HTTP 404): the VM stopped or rebooted"
        case .serverError(let statusLine):
            "the console host could not connect the console (\(statusLine)): is the VM running on it?"
        case .busy:
            "the console is busy (HTTP 503): another client is connected and the pool allows only one"
        case .unexpectedStatus(let statusLine):
            "the console host answered \(statusLine)"
        case .malformedReply(let detail):
            "the console host sent a malformed reply: \(detail)"
        case .connectionFailed(let message):
            "console connection failed: \(message)"
        case .downgradeRefused(let location):
            "refused to open the console at \"\(location)\" over plain http: the pool is reached over https "
                + "and the console request would send the session in clear text"
        }
    }
}
