public import XenAPI

/// Changes to one VM or template, computed from its current record before anything is written.
///
/// A requested change whose value is already in place is listed in ``unchanged`` and makes no call,
/// so applying the same plan twice writes once.
public struct ChangePlan: Sendable, Hashable, Codable {
    /// The object written to.
    public var target: PlanTarget
    /// The changes that write, in the order requested.
    public var changes: [PlannedChange]
    /// Parameters that were requested but already hold the value.
    public var unchanged: [VMParameter]

    /// Creates a plan from its parts.
    public init(target: PlanTarget, changes: [PlannedChange], unchanged: [VMParameter] = []) {
        self.target = target
        self.changes = changes
        self.unchanged = unchanged
    }

    /// Plans `requested` against `record` (the current state of the object `ref`).
    public init(ref: Ref<VMRecord>, record: VMRecord, requested: [ParamChange]) {
        var changes: [PlannedChange] = []
        var unchanged: [VMParameter] = []
        for change in requested {
            let old = change.parameter.value(in: record)
            if old == change.value {
                unchanged.append(change.parameter)
                continue
            }
            changes.append(PlannedChange(parameter: change.parameter, ref: ref.rawValue, old: old, new: change.value))
        }
        self.init(target: PlanTarget(ref: ref, record: record), changes: changes, unchanged: unchanged)
    }

    /// Whether applying the plan writes nothing.
    public var isEmpty: Bool { changes.isEmpty }

    /// Every API call, in order.
    public var calls: [APICall] { changes.flatMap(\.calls) }

    /// The requested end state, as changes (for verifying a read-back record).
    public var requested: [ParamChange] { changes.map { ParamChange($0.parameter, $0.new) } }

    /// The equivalent `xe` command lines, shell-quoted: one `*-param-set` for every value set, one
    /// `*-param-remove` per removed other-config key.
    public var xeCommands: [String] {
        let kind = target.isTemplate ? "template" : "vm"
        var lines: [String] = []
        let assignments = changes.compactMap { change -> String? in
            guard let new = change.new else { return nil }
            let name = change.parameter.xeName
            return name.shellQuoted == name ? "\(name)=\(new.shellQuoted)" : "\(name)=\(new)".shellQuoted
        }
        if !assignments.isEmpty {
            lines.append((["xe", "\(kind)-param-set", "uuid=\(target.uuid)"] + assignments).joined(separator: " "))
        }
        for change in changes where change.new == nil {
            guard let key = change.parameter.otherConfigKey else { continue }
            lines.append(
                "xe \(kind)-param-remove uuid=\(target.uuid) param-name=other-config param-key=\(key.shellQuoted)")
        }
        return lines
    }
}

extension ChangePlan {
    /// The plan with the object `placeholder` replaced by `ref` in its calls and `target` as its object.
    public func replacing(_ placeholder: Ref<VMRecord>, by ref: Ref<VMRecord>, target: PlanTarget) -> ChangePlan {
        var bound = self
        bound.target = target
        bound.changes = changes.map { change in
            var change = change
            change.calls = change.calls.map { call in
                var call = call
                call.arguments = call.arguments.map { $0 == placeholder.rawValue ? ref.rawValue : $0 }
                return call
            }
            return change
        }
        return bound
    }
}
