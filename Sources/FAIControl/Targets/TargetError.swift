/// A target that names no object, or more than one.
public enum TargetError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing matches; `suggestions` are objects whose name contains the query.
    case unknown(String, kind: TargetKind, suggestions: [String])
    /// Several objects match.
    case ambiguous(String, kind: TargetKind, matches: [String])

    public var description: String {
        switch self {
        case .unknown(let query, let kind, let suggestions):
            let head = "no \(kind.noun) is named \"\(query)\" or has a UUID starting with it"
            return suggestions.isEmpty ? head : head + "; similar: " + suggestions.joined(separator: ", ")
        case .ambiguous(let query, let kind, let matches):
            return "\"\(query)\" matches \(matches.count) \(kind.noun)s: " + matches.joined(separator: ", ")
                + "; give the UUID"
        }
    }
}
