public import Secrets

/// A user name and password for `session.login_with_password`.
///
/// The password is a ``SecretBytes``: one buffer, wiped by ``wipe()`` (or when the last copy of the
/// credentials goes), never in a `String` held here, and never in `description`, `debugDescription` or
/// reflection-based dumps. It stays while a session may log in again (`SESSION_INVALID`, a toolstack
/// restart). Copies outside it: each login's request body (built from the buffer and wiped after the
/// call), and whatever libcurl and the TLS library buffer while sending it.
public struct Credentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The user name, e.g. `root`.
    public let user: String
    /// The password, only for building a login call.
    public let password: SecretBytes

    /// Creates credentials holding `password` (shared, not copied).
    public init(user: String, password: SecretBytes) {
        self.user = user
        self.password = password
    }

    /// Creates credentials from a password already in a `String` (a config file's, the simulator's);
    /// the `String` stays the caller's.
    public init(user: String, password: String) {
        self.init(user: user, password: SecretBytes(copyingUTF8: password))
    }

    /// Overwrites the password: no later login can succeed (call it when every session is done).
    public func wipe() { password.wipe() }

    /// A readable form for logs and messages.
    public var description: String { "\(user) (password hidden)" }
    /// The same as `description` (the password stays hidden).
    public var debugDescription: String { description }
    /// A mirror that hides the password from `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["user": user, "password": "<hidden>"]) }
}
