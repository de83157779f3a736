import Foundation
import XMLRPC
import XenAPI

/// One change set being carried out: announces its steps (intent records) before writing, runs them,
/// then reads every object back, records the state of each step (done record) and verifies.
final class ChangeSetRun {
    let controller: PoolController
    let id: String
    let command: String
    let undoes: Int?
    let creation: Creation?
    private(set) var plans: [StepPlan] = []
    private var attempted: [StepState] = []
    private var announced = false
    /// The created object's UUID, once known.
    var createdUUID: String?

    /// A fresh change set id.
    static func newID() -> String { UUID().uuidString.lowercased() }

    /// A run of `command`; `id` is the set's id when a plan chose it already (its marker name holds it).
    init(controller: PoolController, command: String, id: String = newID(), undoes: Int? = nil, creation: Creation? = nil) {
        self.controller = controller
        self.id = id
        self.command = controller.commandPrefix + command
        self.undoes = undoes
        var creation = creation
        creation?.marker = Creation.marker(for: id)
        self.creation = creation
    }

    /// Writes an intent naming `steps` (the first also names the command, pool, creation and undo).
    func announce(_ steps: [StepPlan]) throws {
        if announced && steps.isEmpty { return }
        let record = JournalRecord(
            kind: .intent, set: id, time: controller.now(), pool: announced ? nil : controller.poolUUID,
            command: announced ? nil : command, steps: steps.map(\.step), creates: announced ? nil : creation,
            undoes: announced ? nil : undoes)
        do { try controller.journal.append(record) } catch { throw failure(nil, .journal, "\(error)") }
        announced = true
        plans += steps
        attempted += steps.map { _ in .notApplied }
    }

    /// Runs the writes of the announced step `index` and returns their replies.
    @discardableResult
    func run(_ index: Int) throws -> [XMLRPCValue] {
        var replies: [XMLRPCValue] = []
        for write in plans[index].writes {
            do {
                replies.append(try controller.perform(write))
            } catch {
                attempted[index] = .unknown
                throw stop(at: write.call, error)
            }
        }
        attempted[index] = .applied
        return replies
    }

    /// Runs every announced step not yet run, in order.
    func runAll(from start: Int = 0) throws {
        for index in start..<plans.count { try run(index) }
    }

    /// Reads back, records the done record and returns the set; throws when a step is not applied.
    @discardableResult
    func finish(note: String? = nil) throws -> ChangeSet {
        let states = readBack()
        let set = try record(states, note: note)
        guard set.isFullyApplied else {
            let mismatches = zip(set.steps, states).filter { $1 != .applied }.map { "\($0.summary) is \($1.rawValue)" }
            throw ChangeSetError(set: set, failedCall: nil, kind: .verification, reason: "read-back check failed: " + mismatches.joined(separator: "; "))
        }
        return set
    }

    /// Records the state after a failed call and returns the error to throw.
    func stop(at call: APICall?, _ error: any Error) -> any Error {
        let kind: ChangeSetError.Kind =
            switch error {
            case is XenAPIError: .serverRefused
            case is ChangeSetError: .journal
            default: .connection
            }
        let reason = (error as? XenAPIError)?.message ?? "\(error)"
        return failure(call, kind, reason)
    }

    /// Records that the set stops before its steps because `reason` (the plan no longer holds) and
    /// returns the error to throw.
    func refuse(_ reason: String) -> ChangeSetError { failure(nil, .verification, reason) }

    private func failure(_ call: APICall?, _ kind: ChangeSetError.Kind, _ reason: String) -> ChangeSetError {
        let states = readBack()
        let set = (try? record(states, note: "failed: \(reason)")) ?? assembled(states: states, number: 0)
        return ChangeSetError(set: set, failedCall: call, kind: kind, reason: reason)
    }

    /// Each step's state as the pool shows it now; the states seen while running when it cannot be read.
    private func readBack() -> [StepState] {
        var records: [Ref<VMRecord>: VMRecord?] = [:]
        var vifNetworks: [Ref<VMRecord>: [String: String]] = [:]
        return plans.indices.map { index in
            let plan = plans[index]
            do {
                if records[plan.ref] == nil { records[plan.ref] = .some(try controller.record(plan.ref)) }
                if plan.step.operation == VIFCreation.method, vifNetworks[plan.ref] == nil, records[plan.ref] ?? nil != nil {
                    vifNetworks[plan.ref] = try controller.vifNetworks(of: plan.ref)
                }
            } catch {
                return attempted[index]
            }
            return StepPlan.state(of: plan.step, in: records[plan.ref] ?? nil, vifNetworks: vifNetworks[plan.ref])
        }
    }

    private func record(_ states: [StepState], note: String?) throws -> ChangeSet {
        guard announced else { return assembled(states: states, number: 0) }
        try controller.journal.append(
            JournalRecord(kind: .done, set: id, time: controller.now(), states: states, created: createdUUID, note: note))
        let number = (try? controller.journal.read().sets.first { $0.id == id }?.number) ?? 0
        return assembled(states: states, number: number)
    }

    private func assembled(states: [StepState], number: Int) -> ChangeSet {
        ChangeSet(
            number: number, id: id, pool: controller.poolUUID, command: command, time: controller.now(),
            steps: plans.map(\.step), creation: creation, undoes: undoes, states: states, created: createdUUID)
    }
}
