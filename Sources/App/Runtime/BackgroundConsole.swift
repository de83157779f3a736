import Foundation
import Synchronization
import XenAPI

/// One VM's background console connection: attaches to the console it is pointed at, posts what it
/// reads to the inbox, reattaches with ``ConsoleBackoff`` when the stream drops or the connect fails,
/// and moves to a new console when retargeted (a reboot). Runs on a thread of its own until stopped.
final class BackgroundConsole: Sendable {
    /// What the thread is asked to do, guarded by `condition`.
    private struct Control {
        var target: ConsoleRecord
        /// Bumped by every retarget, so a wait or a read for the old console ends.
        var targetVersion = 0
        var isStopped = false
        var channel: (any ConsoleChannel)?
    }

    /// Who holds a console xapi refused: neither xapi's 503 page nor the console record says.
    static let unknownHolder = "another console client (the pool sets limit_console_sessions)"

    let vm: Ref<VMRecord>
    let id: Int
    private let connector: any ConsoleConnecting
    private let inbox: Inbox
    private let control: Mutex<Control>
    private let wakeUp = NSCondition()

    init(vm: Ref<VMRecord>, id: Int, console: ConsoleRecord, connector: any ConsoleConnecting, inbox: Inbox) {
        self.vm = vm
        self.id = id
        self.connector = connector
        self.inbox = inbox
        control = Mutex(Control(target: console))
    }

    /// Starts the connection thread.
    func start() {
        let thread = Thread { [self] in run() }
        thread.name = "xsfai.capture"
        thread.start()
    }

    /// Follows the VM to `console` (after a reboot): the current stream is closed, the new one opened.
    func retarget(_ console: ConsoleRecord) {
        let old = control.withLock { control -> (any ConsoleChannel)? in
            guard control.target != console else { return nil }
            control.target = console
            control.targetVersion += 1
            defer { control.channel = nil }
            return control.channel
        }
        old?.close()
        signal()
    }

    /// Stops the thread (soon; a blocked read ends with the closed stream).
    func stop() {
        let old = control.withLock { control -> (any ConsoleChannel)? in
            control.isStopped = true
            defer { control.channel = nil }
            return control.channel
        }
        old?.close()
        signal()
    }

    /// Sends typed bytes to the attached stream (dropped while none is).
    func send(_ bytes: [UInt8]) throws {
        try control.withLock { $0.channel }?.write(bytes)
    }

    private func signal() {
        wakeUp.lock()
        wakeUp.broadcast()
        wakeUp.unlock()
    }

    private func report(_ status: BackgroundCaptureState.Status) {
        inbox.post(.captureStatusChanged(vm: vm, id: id, status))
    }

    private func run() {
        var attempts = 0
        while true {
            guard let (target, version) = control.withLock({ $0.isStopped ? nil : ($0.target, $0.targetVersion) }) else { return }
            report(.connecting)
            let opened: any ConsoleChannel
            do {
                opened = try connector.connect(to: target)
            } catch {
                let refused = (error as? ConsoleError) == .busy
                let delay = refused ? ConsoleBackoff.refusedDelayMilliseconds : ConsoleBackoff.delayMilliseconds(afterAttempts: attempts)
                attempts += 1
                report(refused ? .refused(holder: Self.unknownHolder) : .retrying(delayMilliseconds: delay, reason: String(describing: error)))
                pause(milliseconds: delay, unlessRetargetedFrom: version)
                continue
            }
            let current = control.withLock { control -> Bool in
                guard !control.isStopped, control.targetVersion == version else { return false }
                control.channel = opened
                return true
            }
            guard current else {
                opened.close()
                continue
            }
            attempts = 0
            report(.capturing)
            var reason = "console closed"
            do {
                while true {
                    let bytes = try opened.read()
                    if bytes.isEmpty { break }
                    inbox.post(.captureBytes(vm: vm, id: id, bytes))
                    inbox.waitForRoom()
                }
            } catch {
                reason = String(describing: error)
            }
            opened.close()
            let retargeted = control.withLock { control -> Bool in
                if control.targetVersion == version { control.channel = nil }
                return control.isStopped || control.targetVersion != version
            }
            if retargeted { continue }
            let delay = ConsoleBackoff.delayMilliseconds(afterAttempts: attempts)
            attempts += 1
            report(.retrying(delayMilliseconds: delay, reason: reason))
            pause(milliseconds: delay, unlessRetargetedFrom: version)
        }
    }

    /// Waits `milliseconds`, or less if the capture is stopped or pointed at another console.
    private func pause(milliseconds: Int, unlessRetargetedFrom version: Int) {
        let deadline = Date().addingTimeInterval(Double(milliseconds) / 1000)
        wakeUp.lock()
        defer { wakeUp.unlock() }
        while Date() < deadline {
            let moved = control.withLock { $0.isStopped || $0.targetVersion != version }
            if moved { return }
            _ = wakeUp.wait(until: deadline)
        }
    }
}
