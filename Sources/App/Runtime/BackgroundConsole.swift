import FAIControl
import Foundation
import Synchronization
import XenAPI

/// One VM's background console capture: the shared ``ConsoleFollower`` (attach, reattach with
/// backoff, follow reboots to the new console) run on a thread of its own, its output and state
/// posted to the inbox. Should the follower give up (the console stayed lost for minutes), it
/// starts again after a pause, as long as the capture is wanted.
final class BackgroundConsole: Sendable {
    /// Who holds a console xapi refused: neither xapi's 503 page nor the console record says.
    static let unknownHolder = "another console client (the pool sets limit_console_sessions)"

    let vm: Ref<VMRecord>
    let id: Int
    private let source: SnapshotConsoleSource
    private let inbox: Inbox
    private let follower = Mutex<ConsoleFollower?>(nil)
    private let stopped = Mutex(false)

    init(vm: Ref<VMRecord>, id: Int, source: SnapshotConsoleSource, inbox: Inbox) {
        self.vm = vm
        self.id = id
        self.source = source
        self.inbox = inbox
    }

    /// Starts the capture's thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "xsfai.capture"
        thread.start()
    }

    /// Stops the capture (soon: the follower checks at least every quarter second).
    func stop() {
        stopped.withLock { $0 = true }
        follower.withLock { $0 }?.stop()
    }

    /// Sends typed bytes to the attached console (dropped while none is).
    func send(_ bytes: [UInt8]) throws {
        try follower.withLock { $0 }?.send(bytes)
    }

    private var isStopped: Bool { stopped.withLock { $0 } }

    private func report(_ status: BackgroundCaptureState.Status) {
        inbox.post(.captureStatusChanged(vm: vm, id: id, status))
    }

    private func run() {
        while !isStopped {
            let current = ConsoleFollower(vm: vm, source: source)
            follower.withLock { $0 = current }
            if isStopped { return }
            let outcome = current.follow { [self] event in handle(event) }
            guard case .gaveUp(let reason) = outcome, !isStopped else { return }
            let delay = ConsoleBackoff.refusedDelayMilliseconds
            report(.retrying(delayMilliseconds: delay, reason: reason))
            Thread.sleep(forTimeInterval: Double(delay) / 1000)
        }
    }

    private func handle(_ event: ConsoleFollower.Event) -> Bool {
        switch event {
        case .attached(let attachment):
            if attachment.isReattachment { inbox.post(.captureReattached(vm: vm, id: id)) }
            report(.capturing)
        case .bytes(let bytes):
            inbox.post(.captureBytes(vm: vm, id: id, bytes))
            inbox.waitForRoom()
        case .lost(let reason, let retryIn):
            if reason == ConsoleError.busy.description {
                report(.refused(holder: Self.unknownHolder))
            } else {
                report(.retrying(delayMilliseconds: Int(retryIn.components.seconds * 1000 + retryIn.components.attoseconds / 1_000_000_000_000_000), reason: reason))
            }
        case .ended(.rebooted): report(.connecting)
        case .waitingForPowerOn, .ended(.vmStopped), .idle, .gaveUp: break
        }
        return !isStopped
    }
}
