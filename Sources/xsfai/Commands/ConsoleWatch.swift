import FAIControl
import Foundation
import Synchronization
import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// The two ways `xsfai console` (and `install --watch`) use a followed console.
struct ConsoleWatch {
    let follower: ConsoleFollower
    let vmName: String
    /// A capture file (`--log`), or nil.
    let log: ConsoleLog?

    /// Opens the capture file at `path` (appending; created mode 0600; refused when others may read it).
    static func openLog(_ path: String?, raw: Bool = false) throws -> ConsoleLog? {
        guard let path else { return nil }
        do {
            return try ConsoleLog(path: path, format: raw ? .raw : .plainText)
        } catch let failure as PrivateFile.Failure {
            throw CommandFailure.usage("cannot use the log file \(failure)")
        }
    }

    /// Watches FAI until it decides, `timeout` (default: the configuration's
    /// ``FAIProgressTracker/Configuration/defaultWatchTimeout``) passes, or the console goes silent too long; returns
    /// the exit code (0 success, 3 FAI failed, 4 no boot, 5 timeout or hang). Progress goes to stderr,
    /// the one-line summary to stdout.
    func untilDone(timeout requested: Duration?, configuration: FAIProgressTracker.Configuration = .init()) -> Int32 {
        let timeout: Duration? = requested ?? configuration.defaultWatchTimeout
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let elapsed = start.duration(to: clock.now)
            return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        }
        var tracker = FAIProgressTracker(configuration: configuration, startTime: 0)
        var lastStatus = ""
        var code: Int32?
        var timedOut = false
        var gaveUp: String?
        follower.follow { event in
            let now = seconds()
            switch event {
            case .attached(let attachment):
                log?.mark(attachment.isReattachment ? "console reattached" : "console \(attachment.number) attached")
            case .bytes(let bytes):
                log?.record(bytes)
                tracker.consume(bytes, at: now)
            case .ended:
                log?.mark("console closed")
            case .lost:
                log?.mark("console lost")
            case .gaveUp(let reason):
                gaveUp = reason
            case .idle, .waitingForPowerOn:
                break
            }
            if let message = event.message { ControllerOutput.note("xsfai: \(vmName): \(message)") }
            tracker.tick(now: now)
            if tracker.statusText != lastStatus {
                lastStatus = tracker.statusText
                ControllerOutput.note("\(vmName): \(lastStatus)")
            }
            if let decided = tracker.untilDoneExitCode {
                code = decided
                return false
            }
            if let timeout, now >= Double(timeout.components.seconds) {
                timedOut = true
                return false
            }
            return true
        }
        if let gaveUp, code == nil {
            ControllerOutput.say("\(tracker.summary(vmName: vmName)) (gave up on the console: \(gaveUp))")
            return ExitStatus.connectionFailed.rawValue
        }
        let summary = tracker.summary(vmName: vmName)
        ControllerOutput.say(timedOut ? "\(summary) (timed out after \(timeout?.components.seconds ?? 0) s)" : summary)
        return code ?? 5
    }

    /// Streams the console to stdout until the handler stops it (Ctrl-] on a terminal, or a signal):
    /// raw when piped, filtered to text and colours when stdout is a terminal; on a terminal stdin is
    /// relayed to the guest in raw mode.
    func relay() {
        let filterOutput = isatty(STDOUT_FILENO) == 1
        let interactive = filterOutput && RawTerminal.enter()
        defer { RawTerminal.restore() }
        if interactive {
            ControllerOutput.note("Connecting to console on VM \(vmName). Press Ctrl + ']' to quit.")
            startKeyboardRelay()
        }
        var filter = ConsoleOutputFilter()
        let output = FileHandle.standardOutput
        follower.follow { event in
            switch event {
            case .attached(let attachment):
                log?.mark(attachment.isReattachment ? "console reattached" : "console \(attachment.number) attached")
                if attachment.number > 1 { ControllerOutput.note("\nxsfai: \(vmName): \(event.message ?? "")") }
            case .bytes(let bytes):
                log?.record(bytes)
                output.write(Data(filterOutput ? filter.filter(bytes) : bytes))
            case .ended, .lost, .gaveUp:
                log?.mark(event.message ?? "console closed")
                ControllerOutput.note("\nxsfai: \(vmName): \(event.message ?? "")")
            case .idle, .waitingForPowerOn:
                break
            }
            return true
        }
        // Ctrl-] ends the relay in the middle of the guest's line: end it, so the shell prompt
        // starts on a line of its own.
        if interactive { output.write(Data("\r\n".utf8)) }
    }

    /// Reads keystrokes on a separate thread: Ctrl-] (0x1d) stops the follower and is not sent.
    private func startKeyboardRelay() {
        let follower = follower
        let thread = Thread {
            var buffer = [UInt8](repeating: 0, count: 256)
            while true {
                let count = read(STDIN_FILENO, &buffer, buffer.count)
                guard count > 0 else { break }
                let bytes = Array(buffer[0..<count])
                if let quit = bytes.firstIndex(of: 0x1D) {
                    try? follower.send(Array(bytes[..<quit]))
                    follower.stop()
                    break
                }
                try? follower.send(bytes)
            }
        }
        thread.start()
    }
}
