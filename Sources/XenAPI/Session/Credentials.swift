/// A user name and password for `session.login_with_password`.
///
/// The password never appears in `description`, `debugDescription` or reflection-based dumps.
public struct Credentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The user name, e.g. `root`.
    public let user: String
    /// The password, only for sending in a login call.
    public let password: String

    /// Creates credentials.
    public init(user: String, password: String) {
        self.user = user
        self.password = password
    }

    /// A readable form for logs and messages.
    public var description: String { "\(user) (password hidden)" }
    /// The same as `description` (the password stays hidden).
    public var debugDescription: String { description }
    /// A mirror that hides the password from `dump` and debuggers.
    public var customMirror: Mirror { Mirror(self, children: ["user": user, "password": "<hidden>"]) }
}
