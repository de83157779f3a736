/// Why an undo was refused.
public enum UndoRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// One parameter whose current value is neither the set's old nor its new value.
    public struct Conflict: Sendable, Hashable {
        /// The object's name.
        public var object: String
        /// The parameter.
        public var parameter: VMParameter
        /// The value the set wrote.
        public var wrote: String?
        /// The value before the set.
        public var before: String?
        /// The value now.
        public var found: String?

        /// Creates a conflict.
        public init(object: String, parameter: VMParameter, wrote: String?, before: String?, found: String?) {
            self.object = object
            self.parameter = parameter
            self.wrote = wrote
            self.before = before
            self.found = found
        }
    }

    /// Values were changed by someone else after the set.
    case changedSince(set: Int, [Conflict])
    /// The set was reverted already, by set `by`.
    case alreadyUndone(set: Int, by: Int)
    /// An object the set wrote to no longer exists.
    case objectGone(set: Int, object: String, uuid: String)
    /// The set created an object: undo does not destroy it.
    case createsObject(set: Int, name: String, uuid: String?)
    /// The set destroyed an object: nothing brings it back.
    case destroysObject(set: Int, name: String)

    public var description: String {
        switch self {
        case .changedSince(let set, let conflicts):
            let parts = conflicts.map {
                "\($0.object) \($0.parameter.xeName) is now \(JournalStep.show($0.found)) (the set changed it from "
                    + "\(JournalStep.show($0.before)) to \(JournalStep.show($0.wrote)))"
            }
            return "refusing to undo change set \(set): changed since by someone else: " + parts.joined(separator: "; ")
                + ". Nothing was written; xsfai undo --entry N reverts an older set"
        case .alreadyUndone(let set, let by):
            return "change set \(set) was already undone by change set \(by)"
        case .objectGone(let set, let object, let uuid):
            return "cannot undo change set \(set): \(object) (\(uuid)) no longer exists"
        case .destroysObject(let set, let name):
            return "change set \(set) destroyed \(name); a destroy cannot be undone (xsfai undo --entry N reverts an older set)"
        case .createsObject(let set, let name, let uuid):
            return "change set \(set) created \(name)\(uuid.map { " (\($0))" } ?? ""); undo does not destroy VMs: "
                + "xsfai journal --roll-back \(set) destroys it, or use xsfai undo --entry N for an older set"
        }
    }
}
