/// Why an undo was refused.
public enum UndoRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    /// The value was changed by someone else after the entry: expected the entry's new value, found another.
    case changedSince(entry: Int, object: String, parameter: VMParameter, expected: String?, found: String?)
    /// The entry was reverted already, by entry `by`.
    case alreadyUndone(entry: Int, by: Int)
    /// The entry belongs to another pool than the one connected to.
    case otherPool(entry: Int, pool: String)
    /// The entry destroyed a VM or template: nothing can bring it back.
    case notUndoable(entry: Int, object: String)

    public var description: String {
        switch self {
        case .changedSince(let entry, let object, let parameter, let expected, let found):
            return "refusing to undo entry \(entry): \(object) \(parameter.xeName) was changed since "
                + "(journal says \(Self.show(expected)), now \(Self.show(found)))"
        case .alreadyUndone(let entry, let by):
            return "entry \(entry) was already undone by entry \(by)"
        case .otherPool(let entry, let pool):
            return "entry \(entry) belongs to pool \(pool); connect to that pool to undo it"
        case .notUndoable(let entry, let object):
            return "entry \(entry) destroyed \(object); a destroy cannot be undone (xsfai undo --entry N undoes an older change)"
        }
    }

    /// A value for a message: quoted, or "absent".
    static func show(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "absent"
    }
}
