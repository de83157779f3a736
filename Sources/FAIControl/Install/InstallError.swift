/// Why a new install could not be made.
public enum InstallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target is not a template.
    case notATemplate(String)
    /// `--sr` names no SR, or several.
    case unknownSR(String, candidates: [String])
    /// The template has disks to provision and the pool has no default SR.
    case noDefaultSR(template: String)
    /// A step failed; the half-made VM was destroyed (or could not be, as said).
    case stepFailed(step: String, reason: String, cleanup: String)

    public var description: String {
        switch self {
        case .notATemplate(let name):
            return "\(name) is not a template"
        case .unknownSR(let query, let candidates):
            let list = candidates.isEmpty ? "" : " (SRs: \(candidates.joined(separator: ", ")))"
            return "no single SR is named \"\(query)\" or has that UUID\(list)"
        case .noDefaultSR(let template):
            return "\(template) has disks to create and the pool has no default SR: give --sr"
        case .stepFailed(let step, let reason, let cleanup):
            return "\(step) failed: \(reason); \(cleanup)"
        }
    }
}
