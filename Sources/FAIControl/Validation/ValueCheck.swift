/// Checks requested values before any plan exists: refusals (a repository eliloader rejects) and
/// warnings an operator confirms with `--force` or `y` (PV-args without FAI arguments).
public struct ValueCheck: Sendable, Hashable {
    /// Values that would break the install: never written.
    public var errors: [String]
    /// Values that are probably a mistake: written only when confirmed.
    public var warnings: [String]

    /// Checks `changes`.
    public init(_ changes: [ParamChange]) {
        var errors: [String] = []
        var warnings: [String] = []
        for change in changes {
            guard let value = change.value else { continue }
            switch change.parameter {
            case .otherConfig(InstallKeys.repository):
                if let problem = InstallRepositoryCheck.problem(value) { errors.append("other-config:install-repository: \(problem)") }
            case .pvArgs:
                if let warning = KernelArgumentCheck.warning(value) { warnings.append(warning) }
            default:
                break
            }
        }
        self.errors = errors
        self.warnings = warnings
    }
}
