/// One requested change: set a parameter to a value, or remove an other-config key (`value == nil`).
public struct ParamChange: Sendable, Hashable, Codable {
    /// The parameter.
    public var parameter: VMParameter
    /// The new value; `nil` removes the other-config key.
    public var value: String?

    /// Creates a change.
    public init(_ parameter: VMParameter, _ value: String?) {
        self.parameter = parameter
        self.value = value
    }

    /// Parses `PARAM=VALUE` as xe does: the name ends at the first `=`, the value is the rest verbatim.
    public init(assignment: String) throws(ParamSpecError) {
        guard let equals = assignment.firstIndex(of: "=") else { throw .missingValue(assignment) }
        let parameter = try VMParameter(xeName: String(assignment[..<equals]))
        let value = String(assignment[assignment.index(after: equals)...])
        if parameter == .nameLabel && value.isEmpty { throw .emptyValue(parameter.xeName) }
        self.init(parameter, value)
    }

    /// Parses the operand of `--remove`: `other-config:KEY`.
    public init(removal: String) throws(ParamSpecError) {
        let parameter = try VMParameter(xeName: removal)
        guard parameter.otherConfigKey != nil else { throw .notRemovable(removal) }
        self.init(parameter, nil)
    }

    /// Parses a command's assignments and removals together, refusing a parameter named twice.
    public static func parse(assignments: [String], removals: [String]) throws(ParamSpecError) -> [ParamChange] {
        var changes: [ParamChange] = []
        for text in assignments { changes.append(try ParamChange(assignment: text)) }
        for text in removals { changes.append(try ParamChange(removal: text)) }
        var seen: Set<VMParameter> = []
        for change in changes where !seen.insert(change.parameter).inserted {
            throw .duplicate(change.parameter.xeName)
        }
        return changes
    }
}
