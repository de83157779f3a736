public import Foundation

/// One applied parameter change, as a line of the journal: enough to show it and to revert it.
public struct JournalEntry: Sendable, Hashable, Codable {
    /// The pool the object lives in (its pool UUID).
    public var pool: String
    /// The object's UUID.
    public var objectUUID: String
    /// The object's name-label when changed (for people).
    public var objectName: String
    /// Whether the object is a template.
    public var isTemplate: Bool
    /// The parameter, by its xe name.
    public var parameter: VMParameter
    /// The value before; `nil` for an absent other-config key.
    public var old: String?
    /// The value after; `nil` when an other-config key was removed.
    public var new: String?
    /// When the change was applied.
    public var time: Date
    /// The xsfai command that made it (`vm-set`, `rearm`, `undo`, …).
    public var command: String
    /// For an undo, the number of the entry it reverted.
    public var undoes: Int?

    /// Creates an entry.
    public init(
        pool: String, objectUUID: String, objectName: String, isTemplate: Bool, parameter: VMParameter,
        old: String?, new: String?, time: Date, command: String, undoes: Int? = nil
    ) {
        self.pool = pool
        self.objectUUID = objectUUID
        self.objectName = objectName
        self.isTemplate = isTemplate
        self.parameter = parameter
        self.old = old
        self.new = new
        self.time = time
        self.command = command
        self.undoes = undoes
    }

    private enum CodingKeys: String, CodingKey {
        case pool, parameter, old, new, time, command, undoes
        case objectUUID = "object_uuid"
        case objectName = "object_name"
        case isTemplate = "is_template"
    }

    /// Encodes every key, with `null` for an absent old/new value, so each line has the same shape.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(pool, forKey: .pool)
        try container.encode(objectUUID, forKey: .objectUUID)
        try container.encode(objectName, forKey: .objectName)
        try container.encode(isTemplate, forKey: .isTemplate)
        try container.encode(parameter, forKey: .parameter)
        try container.encode(old, forKey: .old)
        try container.encode(new, forKey: .new)
        try container.encode(time, forKey: .time)
        try container.encode(command, forKey: .command)
        try container.encodeIfPresent(undoes, forKey: .undoes)
    }
}
