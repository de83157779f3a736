/// Why a new install could not be made.
public enum InstallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The target is not a template.
    case notATemplate(String)
    /// `--sr` names no SR, or several.
    case unknownSR(String, candidates: [String])
    /// The template has disks to provision and the pool has no default SR.
    case noDefaultSR(template: String)
    /// The new name is already used (without `--allow-duplicate-name`).
    case nameInUse(String, objects: [String])
    /// `--repo` is not a repository eliloader accepts.
    case badRepository(String)
    /// `--network` names no network, or several.
    case unknownNetwork(String, candidates: [String])
    /// No `--network` was given, the template has no VIF and the pool has several networks for guests.
    case networkChoiceNeeded(template: String, candidates: [String])

    public var description: String {
        switch self {
        case .notATemplate(let name):
            return "\(name) is not a template"
        case .unknownSR(let query, let candidates):
            let list = candidates.isEmpty ? "" : " (SRs: \(candidates.joined(separator: ", ")))"
            return "no single SR is named \"\(query)\" or has that UUID\(list)"
        case .noDefaultSR(let template):
            return "\(template) has disks to create and the pool has no default SR: give --sr"
        case .nameInUse(let name, let objects):
            return "\"\(name)\" is already used by \(objects.joined(separator: ", ")); names are not identities, so xsfai "
                + "refuses a second one: choose another name or add --allow-duplicate-name"
        case .badRepository(let problem):
            return "--repo: \(problem)"
        case .unknownNetwork(let query, let candidates):
            let list = candidates.isEmpty ? " (the pool has no network for guests)" : " (networks: \(candidates.joined(separator: ", ")))"
            return "no single network is named \"\(query)\" or has that UUID\(list)"
        case .networkChoiceNeeded(let template, let candidates):
            return "\(template) has no VIF and the pool has \(candidates.count) networks for guests: give --network NAME|UUID "
                + "(repeatable, device 0, 1, …): \(candidates.joined(separator: ", "))"
        }
    }
}
