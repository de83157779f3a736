import App
import Foundation

/// Writes first-paint and key-latency figures as JSON lines, for `scripts/bench-tui`.
final class TimingTrace {
    private let handle: FileHandle?
    private let started: ContinuousClock.Instant
    private var paintedPool = false

    init(path: String, started: ContinuousClock.Instant) {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
        handle = FileHandle(forWritingAtPath: path)
        self.started = started
    }

    deinit { try? handle?.close() }

    func record(_ state: AppState, _ keyLatency: Duration?) {
        if !paintedPool, !state.vms.isEmpty {
            paintedPool = true
            write("{\"event\":\"first-paint\",\"ms\":\(milliseconds(ContinuousClock.now - started)),\"vms\":\(state.vmList.rows.count)}")
        }
        if let keyLatency {
            write("{\"event\":\"key\",\"ms\":\(milliseconds(keyLatency))}")
        }
    }

    private func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return (Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15 * 1000).rounded() / 1000
    }

    private func write(_ line: String) {
        handle?.write(Data((line + "\n").utf8))
    }
}
