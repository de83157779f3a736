import Dispatch
import FAIControl
import Foundation
import XenAPI

/// Performs the effects that talk to the pool, off the loop's thread, and posts the results back.
final class EffectRunner: Sendable {
    private let operations: any PoolOperations
    private let inbox: Inbox
    private let operationQueue = DispatchQueue(label: "xsfai.operations")

    init(operations: any PoolOperations, inbox: Inbox) {
        self.operations = operations
        self.inbox = inbox
    }

    /// Starts `effect`; returns at once.
    func perform(_ effect: Effect) {
        switch effect {
        case .applyPlan(let plan):
            run { .operationSucceeded(try $0.apply(plan)) }
        case .rearm(let plan):
            run { .operationSucceeded(try $0.rearm(plan)) }
        case .undo(let number):
            run { .operationSucceeded(try $0.undo(number)) }
        case .install(let request, let template, let record):
            run { operations in
                let (vm, outcome) = try operations.install(request, template: template, record: record)
                return .installCreated(vm: vm, outcome)
            }
        case .loadJournal:
            run { .journalLoaded(try $0.journal()) }
        case .reconcileJournal:
            run { .journalReconciled(try $0.reconcile()) }
        case .completeChangeSet(let number):
            run { .operationSucceeded(try $0.complete(number)) }
        case .rollBackChangeSet(let number):
            run { .operationSucceeded(try $0.rollBack(number)) }
        case .copyTemplate(let template, let name, let description):
            run { .operationSucceeded(try $0.copyTemplate(template, name: name, description: description)) }
        case .planDestroy(let vms):
            run { operations in
                let (plans, refused) = try operations.destroyPlans(vms)
                return .destroyPlanned(plans, refused: refused)
            }
        case .destroy(let plan):
            run { .operationSucceeded(try $0.destroy(plan)) }
        case .cleanShutdownVM(let vm):
            run { .operationSucceeded(try $0.cleanShutdown(vm)) }
        case .rebootVM(let vm):
            run { .operationSucceeded(try $0.reboot(vm)) }
        case .startVM(let vm):
            run { .operationSucceeded(try $0.start(vm)) }
        case .hardShutdownVM(let vm):
            run { .operationSucceeded(try $0.hardShutdown(vm)) }
        case .preflight(let vm):
            run { .preflightCompleted(vm: vm, try $0.preflight(vm)) }
        case .resetConsoleBuffer, .markConsole, .searchConsole, .saveConsoleCapture, .copyConsoleText, .copyText, .batch,
             .restartInstallProgress, .startCapture, .endCapture, .sendToCapture, .suspend, .quit:
            break
        }
    }

    private func run(_ work: @escaping @Sendable (any PoolOperations) throws -> Action) {
        let operations = self.operations
        let inbox = self.inbox
        operationQueue.async {
            do {
                inbox.post(try work(operations))
            } catch let error as PendingChangeError {
                // A half-applied change set blocks new changes: show the dialog that decides it.
                inbox.post(.journalReconciled(error.pending))
            } catch let error as XenAPIError {
                inbox.post(.operationFailed(error.message))
            } catch {
                inbox.post(.operationFailed(String(describing: error)))
            }
        }
    }
}
