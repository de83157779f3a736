import FAIControl
import FAIMonitor
import FAIMonitorServer
import Foundation
import Synchronization
import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// `install --watch` for one VM or a batch: each VM's console followed on a thread of its own with
/// its own FAI tracker, merged with the FAI monitor's view when a monitor source runs; one live line
/// per VM on a terminal (plain lines as they change when piped); the verdicts recorded in the
/// ``AttemptLedger``; returns the worst exit code (0 < 3 < 4 < 5).
struct BatchWatch {
    /// One VM being watched.
    struct Target {
        var name: String
        var uuid: String
        var ref: Ref<VMRecord>
        /// The MACs of its VIFs: its send ids under `FAI_SENDID=mac` (what `--monitor` adds) and,
        /// as `01-aa-bb-…`, under `pxe`; the name covers `host`.
        var macs: [String] = []

        /// The send id the monitor heard this VM under, if any.
        func sender(in fleet: MonitorFleet?) -> String? {
            guard let fleet else { return nil }
            let ids = macs.map { $0.lowercased() } + macs.map { "01-" + $0.lowercased().replacingOccurrences(of: ":", with: "-") } + [name]
            return ids.first { fleet[$0] != nil }
        }
    }

    /// One VM's state as the console tells it.
    struct ConsoleView {
        var status = "waiting for the console"
        var summary: String?
        var exitCode: Int32?
    }

    /// The console views of every VM, shared by the follower threads and the display loop.
    final class ConsoleViews: Sendable {
        let state = Mutex([String: ConsoleView]())
    }

    let targets: [Target]
    let session: XenAPISession
    let connector: any ConsoleConnector
    let monitor: FAIMonitorService?
    let ledger: AttemptLedger

    /// Prepares a follower per VM over one view of the pool (so each is followed from power-on), runs `start` (which powers
    /// them on), then watches until every VM has a verdict or `timeout` passes.
    func run(timeout: Double?, start: () throws -> Void) throws -> Int32 {
        let source = PoolCacheConsoleSource(session: session, connector: connector)
        source.start()
        defer { source.stop() }
        let followers = targets.map { ConsoleFollower(vm: $0.ref, source: source) }
        let views = ConsoleViews()
        try start()
        let began = Date()
        for (target, follower) in zip(targets, followers) {
            Thread { Self.follow(target, follower, views: views, began: began) }.start()
        }
        defer { followers.forEach { $0.stop() } }
        let isTerminal = isatty(STDERR_FILENO) == 1
        var frameLines = 0
        var printed: [String: String] = [:]
        while true {
            let snapshot = views.state.withLock { $0 }
            let fleet = monitor?.fleet
            let lines = targets.map { line($0, console: snapshot[$0.uuid] ?? ConsoleView(), fleet: fleet) }
            if isTerminal {
                var output = frameLines > 0 ? "\u{1B}[\(frameLines)A" : ""
                for line in lines { output += "\r\u{1B}[2K" + line + "\n" }
                FileHandle.standardError.write(Data(output.utf8))
                frameLines = lines.count
            } else {
                for (target, line) in zip(targets, lines) where printed[target.uuid] != line {
                    printed[target.uuid] = line
                    FileHandle.standardError.write(Data((line + "\n").utf8))
                }
            }
            let codes = targets.map { verdict($0, console: snapshot[$0.uuid], fleet: fleet) }
            let timedOut = timeout.map { Date().timeIntervalSince(began) >= $0 } ?? false
            if codes.allSatisfy({ $0 != nil }) || timedOut {
                return finish(codes: codes, views: snapshot, fleet: fleet)
            }
            usleep(250_000)
        }
    }

    /// The verdict of one VM: the console's, else the monitor's once it decided.
    private func verdict(_ target: Target, console: ConsoleView?, fleet: MonitorFleet?) -> Int32? {
        console?.exitCode ?? target.sender(in: fleet).flatMap { fleet?.verdict(of: $0)?.exitCode }
    }

    private func line(_ target: Target, console: ConsoleView, fleet: MonitorFleet?) -> String {
        var parts = [target.name + ":", console.summary.map { String($0.drop { $0 != ":" }.dropFirst(2)) } ?? console.status]
        if let sender = target.sender(in: fleet), let install = fleet?[sender] {
            parts.append("[monitor: \(install.currentTask ?? "-") \(install.phaseText) \(install.verdict(rules: fleet!.rules).text)]")
        }
        return parts.joined(separator: " ")
    }

    private func finish(codes: [Int32?], views: [String: ConsoleView], fleet: MonitorFleet?) -> Int32 {
        var worst: Int32 = 0
        for (target, code) in zip(targets, codes) {
            let final = code ?? FAIProgress.UntilDoneExitCode.timeoutOrHang
            worst = max(worst, final)
            let summary = views[target.uuid]?.summary
                ?? target.sender(in: fleet).flatMap { fleet?.verdict(of: $0) }.map { "\(target.name): \($0.text) (monitor)" }
                ?? "\(target.name): no verdict (timed out)"
            print(code == nil ? "\(summary) (timed out)" : summary)
            try? ledger.record(
                AttemptLedger.Attempt(name: target.name, exitCode: final, summary: summary, time: Date().timeIntervalSince1970),
                uuid: target.uuid)
        }
        return worst
    }

    private static func follow(_ target: Target, _ follower: ConsoleFollower, views: ConsoleViews, began: Date) {
        var tracker = FAIProgressTracker(configuration: .init(), startTime: 0)
        follower.follow { event in
            let now = Date().timeIntervalSince(began)
            if case .bytes(let bytes) = event { tracker.consume(bytes, at: now) }
            tracker.tick(now: now)
            let code = tracker.untilDoneExitCode
            let status = tracker.statusText
            let summary = code.map { _ in tracker.summary(vmName: target.name) }
            views.state.withLock { $0[target.uuid] = ConsoleView(status: status, summary: summary, exitCode: code) }
            return code == nil
        }
    }
}
