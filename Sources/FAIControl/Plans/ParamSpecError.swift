/// A parameter argument that cannot become a change (`PV-args=…`, `other-config:KEY=…`).
public enum ParamSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The name is not one of the parameters xsfai sets.
    case unknownParameter(String)
    /// `other-config:` with nothing after the colon.
    case emptyOtherConfigKey
    /// An argument without `=`.
    case missingValue(String)
    /// `--remove` of something other than an other-config key.
    case notRemovable(String)
    /// A plain field that cannot be empty was set to "" (only `name-label`).
    case emptyValue(String)
    /// The same parameter appears twice in one command.
    case duplicate(String)

    public var description: String {
        switch self {
        case .unknownParameter(let name):
            let known = VMParameter.fields.map(\.xeName).joined(separator: ", ")
            let hint = VMParameter.nearestXEName(to: name).map { "did you mean \($0)? " } ?? ""
            return "unknown parameter \"\(name)\" (\(hint)known: \(known), other-config:KEY)"
        case .emptyOtherConfigKey:
            return "other-config needs a key: other-config:KEY=VALUE"
        case .missingValue(let argument):
            return "\"\(argument)\" is not PARAM=VALUE"
        case .notRemovable(let name):
            return "only other-config keys can be removed (got \"\(name)\"); set a field to \"\" instead"
        case .emptyValue(let name):
            return "\(name) cannot be empty"
        case .duplicate(let name):
            return "\(name) is given more than once"
        }
    }
}
