public import XenAPI

/// A list pane's filter as typed after `/`: space-separated terms that must all match.
///
/// `state:WORD` matches the power state or the install state (`state:failed`, `state:running`,
/// `state:armed`), `host:WORD` the host a VM runs on, `repo:WORD` other-config:install-repository,
/// `args:WORD` the PV-args, `name:WORD` the name-label, `kind:WORD` a template's default/custom; any
/// other term is free text over name, UUID prefix, power state, install state, host and PV-args.
/// Matching ignores case.
public struct ListFilter: Sendable, Hashable {
    /// One term of the filter.
    public enum Term: Sendable, Hashable {
        /// Free text over the common columns.
        case text(String)
        /// `state:` power or install state.
        case state(String)
        /// `host:` the resident host's name.
        case host(String)
        /// `repo:` other-config:install-repository.
        case repository(String)
        /// `args:` PV-args.
        case arguments(String)
        /// `name:` the name-label.
        case name(String)
        /// `kind:` default or custom (templates), VM.
        case kind(String)
    }

    /// The column prefixes the filter knows, for help and hints.
    public static let prefixes = ["state:", "host:", "repo:", "args:", "name:", "kind:"]

    /// The terms, in the order typed.
    public let terms: [Term]

    /// Parses the typed text.
    public init(_ text: String) {
        terms = text.lowercased().split(separator: " ").map { word in
            let parts = word.split(separator: ":", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[1].isEmpty else { return .text(String(word)) }
            switch parts[0] {
            case "state", "power", "install": return .state(parts[1])
            case "host": return .host(parts[1])
            case "repo", "repository": return .repository(parts[1])
            case "args", "pv-args", "pvargs": return .arguments(parts[1])
            case "name": return .name(parts[1])
            case "kind": return .kind(parts[1])
            default: return .text(String(word))
            }
        }
    }

    /// Whether the filter keeps everything.
    public var isEmpty: Bool { terms.isEmpty }

    /// Whether `record` matches every term; `host` is its host's name, `install` its install-state label
    /// (computed only when a term needs it).
    func matches(_ record: VMRecord, host: String?, install: () -> String) -> Bool {
        terms.allSatisfy { term in
            switch term {
            case .text(let word):
                return record.nameLabel.lowercased().contains(word) || record.uuid.hasPrefix(word)
                    || record.powerState.rawValue.lowercased().hasPrefix(word)
                    || (host?.lowercased().contains(word) ?? false)
                    || record.pvArgs.lowercased().contains(word)
                    || install().lowercased().contains(word)
            case .state(let word):
                return record.powerState.rawValue.lowercased().hasPrefix(word) || install().lowercased().contains(word)
            case .host(let word):
                return host?.lowercased().contains(word) ?? false
            case .repository(let word):
                return record.otherConfig["install-repository"]?.lowercased().contains(word) ?? false
            case .arguments(let word):
                return record.pvArgs.lowercased().contains(word)
            case .name(let word):
                return record.nameLabel.lowercased().contains(word)
            case .kind(let word):
                let kind = record.isATemplate ? (record.isDefaultTemplate ? "default" : "custom") : "vm"
                return kind.hasPrefix(word)
            }
        }
    }
}
