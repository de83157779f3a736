import Dispatch
import FAIControl
import Foundation
import Synchronization
import XenAPI

/// Performs the effects that talk to the pool, off the loop's thread, and posts the results back.
final class EffectRunner: Sendable {
    private let operations: any PoolOperations
    /// The pool as the TUI's event stream shows it, for the open console's follower.
    private let source: SnapshotConsoleSource
    private let inbox: Inbox
    private let operationQueue = DispatchQueue(label: "xsfai.operations")
    private let consoleWriteQueue = DispatchQueue(label: "xsfai.console-input")
    /// The open console's follower (the one the CLI and the background captures use) and its generation.
    private let follower = Mutex<(generation: Int, follower: ConsoleFollower?)>((0, nil))

    init(operations: any PoolOperations, source: SnapshotConsoleSource, inbox: Inbox) {
        self.operations = operations
        self.source = source
        self.inbox = inbox
    }

    /// Starts `effect`; returns at once.
    func perform(_ effect: Effect) {
        switch effect {
        case .connectConsole(let console, let generation):
            connect(console, generation: generation)
        case .disconnectConsole:
            let old = follower.withLock { state in
                defer { state.follower = nil }
                state.generation = -1
                return state.follower
            }
            old?.stop()
        case .scheduleConsoleRetry(let generation, let milliseconds):
            let inbox = self.inbox
            DispatchQueue.global().asyncAfter(deadline: .now() + .milliseconds(milliseconds)) {
                inbox.post(.consoleRetryDue(generation: generation))
            }
        case .sendToConsole(let bytes):
            let current = follower.withLock { $0.follower }
            let inbox = self.inbox
            consoleWriteQueue.async {
                do { try current?.send(bytes) } catch { inbox.post(.operationFailed("console input: \(error)")) }
            }
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

    /// Follows `console`'s VM with the shared ``ConsoleFollower``: drops are reattached (at once,
    /// then with its backoff) and reboots followed by the follower; the reducer hears of attaches,
    /// losses and reattaches, and of the end when the VM stops or the follower gives up.
    private func connect(_ console: ConsoleRecord, generation: Int) {
        let current = ConsoleFollower(vm: console.vm, source: source)
        let previous = follower.withLock { state in
            defer { state = (generation, current) }
            return state.follower
        }
        previous?.stop()
        let inbox = self.inbox
        let thread = Thread {
            current.follow { event in
                switch event {
                case .attached(let attachment):
                    inbox.post(attachment.isReattachment ? .consoleReattached(generation: generation) : .consoleAttached(generation: generation))
                case .bytes(let bytes):
                    inbox.post(.consoleBytes(generation: generation, bytes))
                    inbox.waitForRoom()
                case .lost(let reason, let retryIn):
                    let milliseconds = Int(retryIn.components.seconds * 1000 + retryIn.components.attoseconds / 1_000_000_000_000_000)
                    inbox.post(.consoleLost(generation: generation, reason: reason, retryMilliseconds: milliseconds))
                case .waitingForPowerOn, .ended(.vmStopped):
                    // The reducer waits for the VM to run again and then connects anew.
                    inbox.post(.consoleDetached(generation: generation, reason: "console closed"))
                    return false
                case .gaveUp(let reason):
                    inbox.post(.consoleDetached(generation: generation, reason: reason))
                case .ended(.rebooted), .idle:
                    break
                }
                return !current.isStopped
            }
        }
        thread.name = "xsfai.console"
        thread.start()
    }
}
