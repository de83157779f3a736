/// The preflight of one template or VM.
public struct PreflightReport: Sendable, Hashable, Codable {
    /// The object's name-label.
    public var target: String
    /// The object's UUID.
    public var uuid: String
    /// The checks in order.
    public var checks: [PreflightCheck]

    /// Creates a report.
    public init(target: String, uuid: String, checks: [PreflightCheck]) {
        self.target = target
        self.uuid = uuid
        self.checks = checks
    }

    /// Whether no check failed (warnings allowed).
    public var passed: Bool { !checks.contains { $0.status == .fail } }
}
