/// One preflight check and its outcome.
public struct PreflightCheck: Sendable, Hashable, Codable {
    /// The outcome.
    public enum Status: String, Sendable, Hashable, Codable {
        /// The check passed.
        case pass
        /// The install will not work as it stands.
        case fail
        /// Worth knowing; does not fail the preflight.
        case warn
    }

    /// What was checked, e.g. `kernel URL`.
    public var name: String
    /// The outcome.
    public var status: Status
    /// The detail: the value found, the URL, what is missing.
    public var detail: String

    /// Creates a check.
    public init(_ name: String, _ status: Status, _ detail: String) {
        self.name = name
        self.status = status
        self.detail = detail
    }
}
