/// A pool's journal as read: its change sets in order and the lines that could not be read.
public struct JournalContents: Sendable, Hashable {
    /// Every change set, numbered from 1 in the order their first intent was written.
    public var sets: [ChangeSet]
    /// Lines skipped as corrupt, with their numbers.
    public var problems: [JournalProblem]

    /// Assembles `records` (in file order) into change sets; a done record without an intent is a problem.
    public init(records: [(line: Int, record: JournalRecord)], problems: [JournalProblem] = []) {
        var sets: [ChangeSet] = []
        var index: [String: Int] = [:]
        var problems = problems
        for (line, record) in records {
            switch record.kind {
            case .intent:
                if let position = index[record.set] {
                    sets[position].steps += record.steps ?? []
                    continue
                }
                index[record.set] = sets.count
                sets.append(
                    ChangeSet(
                        number: sets.count + 1, id: record.set, pool: record.pool ?? "", command: record.command ?? "?",
                        time: record.time, steps: record.steps ?? [], creation: record.creates, undoes: record.undoes))
            case .done:
                guard let position = index[record.set] else {
                    problems.append(JournalProblem(line: line, reason: "done record for unknown change set \(record.set)"))
                    continue
                }
                sets[position].states = record.states ?? []
                sets[position].created = record.created ?? sets[position].created
                sets[position].note = record.note
                sets[position].settled = record.settled ?? false
            }
        }
        self.sets = sets
        self.problems = problems.sorted { $0.line < $1.line }
    }

    /// The set numbered `number`.
    public func set(_ number: Int) -> ChangeSet? {
        sets.indices.contains(number - 1) ? sets[number - 1] : nil
    }

    /// The numbers of sets already reverted, with the set that reverted each.
    public var revertedBy: [Int: Int] {
        var result: [Int: Int] = [:]
        for set in sets { if let undoes = set.undoes, set.isFullyApplied { result[undoes] = set.number } }
        return result
    }
}
