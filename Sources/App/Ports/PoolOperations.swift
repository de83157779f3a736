public import FAIControl
public import XenAPI

/// The writes and checks the TUI asks of the pool: the controller layer behind keys.
///
/// Every method blocks and is called on a background thread by the effect runner. The xsfai command
/// adapts FAIControl and the XenAPI session to this; tests use a recording fake.
public protocol PoolOperations: Sendable {
    /// Applies a parameter plan the reducer made, as one journaled change set, read back and verified.
    func apply(_ plan: ChangePlan) throws -> OperationOutcome
    /// Carries out a rearm plan the reducer made (its hard shutdown first when planned).
    func rearm(_ plan: RearmPlan) throws -> OperationOutcome
    /// Reverts the change set `number` of this pool's journal (`nil`: the newest not yet undone).
    func undo(_ number: Int?) throws -> OperationOutcome
    /// Creates a VM from `template` (its record as the reducer holds it) with its PV-args and install
    /// keys (not started).
    func install(_ request: InstallRequest, template: Ref<VMRecord>, record: VMRecord) throws -> (Ref<VMRecord>, OperationOutcome)
    /// This pool's journal.
    func journal() throws -> JournalContents
    /// Change sets interrupted or half-applied, reconciled against the pool now (settled ones recorded).
    func reconcile() throws -> [ReconciledSet]
    /// Applies the rest of the pending change set `number`.
    func complete(_ number: Int) throws -> OperationOutcome
    /// Reverts what the pending change set `number` applied.
    func rollBack(_ number: Int) throws -> OperationOutcome
    /// Copies a template under a new name with a description.
    func copyTemplate(_ template: Ref<VMRecord>, name: String, description: String) throws -> OperationOutcome
    /// What destroying each VM or template removes; refusals (running, default template) as messages.
    func destroyPlans(_ vms: [Ref<VMRecord>]) throws -> (plans: [DestroyPlan], refused: [String])
    /// Destroys a VM or template and the disks of `plan`; journaled as not undoable.
    func destroy(_ plan: DestroyPlan) throws -> OperationOutcome
    /// Asks the guest to shut down (VM.clean_shutdown).
    func cleanShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome
    /// Asks the guest to reboot (VM.clean_reboot).
    func reboot(_ vm: Ref<VMRecord>) throws -> OperationOutcome
    /// Starts a VM.
    func start(_ vm: Ref<VMRecord>) throws -> OperationOutcome
    /// Hard-shuts a VM down.
    func hardShutdown(_ vm: Ref<VMRecord>) throws -> OperationOutcome
    /// Checks what eliloader will fetch and what the PV-args lack.
    func preflight(_ vm: Ref<VMRecord>) throws -> PreflightReport
}
