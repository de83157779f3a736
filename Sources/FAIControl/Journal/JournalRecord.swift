public import Foundation

/// One line of a pool's journal: an *intent* written before the first write of a change set, or the
/// *done* record written after the read-back.
///
/// An install writes two intents: the creation first, then (once the new VM's UUID is known) the
/// parameter steps on it. Unknown keys are ignored when reading, so later versions may add fields.
public struct JournalRecord: Sendable, Hashable, Codable {
    /// Which kind of record.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The planned steps, written before they are attempted.
        case intent
        /// The state of every step after the read-back.
        case done
    }

    /// The journal format version (``ChangeJournal/formatVersion``).
    public var version: Int
    /// Intent or done.
    public var kind: Kind
    /// The change set's id (a UUID).
    public var set: String
    /// When the record was written.
    public var time: Date
    /// Intent: the pool's UUID.
    public var pool: String?
    /// Intent: the xsfai command (`rearm`, `vm-set`, `tui rearm`, …).
    public var command: String?
    /// Intent: the planned steps, in order.
    public var steps: [JournalStep]?
    /// Intent: the object the set creates.
    public var creates: Creation?
    /// Intent: for an undo (or roll-back), the number of the change set it reverts.
    public var undoes: Int?
    /// Done: the state of every step of the set (all intents' steps, in order).
    public var states: [StepState]?
    /// Done: the created object's UUID.
    public var created: String?
    /// Done: how the state was found (e.g. `reconciled at start-up`, `completed`).
    public var note: String?
    /// Done: the states were read from the pool after the fact and need no decision.
    public var settled: Bool?

    /// Creates a record.
    public init(
        version: Int = ChangeJournal.formatVersion, kind: Kind, set: String, time: Date, pool: String? = nil,
        command: String? = nil, steps: [JournalStep]? = nil, creates: Creation? = nil, undoes: Int? = nil,
        states: [StepState]? = nil, created: String? = nil, note: String? = nil, settled: Bool? = nil
    ) {
        self.settled = settled
        self.version = version
        self.kind = kind
        self.set = set
        self.time = time
        self.pool = pool
        self.command = command
        self.steps = steps
        self.creates = creates
        self.undoes = undoes
        self.states = states
        self.created = created
        self.note = note
    }

    private enum CodingKeys: String, CodingKey {
        case version = "v"
        case kind, set, time, pool, command, steps, creates, undoes, states, created, note, settled
    }
}
