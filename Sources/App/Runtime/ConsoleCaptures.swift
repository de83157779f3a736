import FAIControl
import XenAPI

/// The loop's console captures by VM: each a ``ConsoleBuffer`` (emulator, FAI tracker, bounded
/// scrollback) and, while captured in the background, its ``BackgroundConsole`` connection. The open
/// console and the tiles draw from the buffer of their VM, so opening a captured VM shows its history.
/// Owned and used only by the loop's thread.
final class ConsoleCaptures {
    /// Scrollback lines a background capture keeps: an FAI install prints a few thousand lines;
    /// 10,000 full 80-column lines take about 2.1 MB (`xsfai-bench console memory --lines 10000
    /// --width 80`), plus the 80x25 screen.
    static let backgroundScrollbackLines = 10_000
    /// Histories of ended captures kept for viewing; beyond, the oldest ended is dropped (so a long
    /// session of many installs stays bounded: about this many times a capture's bound).
    static let endedHistoryLimit = 32

    private struct Entry {
        let buffer: ConsoleBuffer
        var connection: BackgroundConsole?
        /// The id of the latest capture, kept once it ended: output it sent before its VM halted
        /// (a kernel panic's last lines come with the halt) is still read.
        var id: Int?
        /// What the reducer was last told.
        var told: CaptureReading?
        var toldFailure = ""
        var toldHostName: String?
        var hasNewOutput = false
    }

    private var entries: [Ref<VMRecord>: Entry] = [:]
    /// VMs whose capture ended with its history kept, oldest first.
    private var ended: [Ref<VMRecord>] = []
    /// The pool as the followers see it: fed by the loop's pool feed.
    let source: SnapshotConsoleSource
    private let inbox: Inbox
    private let openScrollbackLines: Int

    /// Captures connecting through `connector`, reporting to `inbox`; a console opened without a
    /// background capture keeps `openScrollbackLines` lines.
    init(connector: any ConsoleConnecting, inbox: Inbox, openScrollbackLines: Int) {
        source = SnapshotConsoleSource(connector: connector)
        self.inbox = inbox
        self.openScrollbackLines = openScrollbackLines
    }

    /// The buffer of `vm`, made empty if it has none.
    func buffer(for vm: Ref<VMRecord>) -> ConsoleBuffer {
        if let entry = entries[vm] { return entry.buffer }
        let buffer = ConsoleBuffer(scrollbackLimit: openScrollbackLines)
        entries[vm] = Entry(buffer: buffer)
        return buffer
    }

    /// The buffer of `vm` if it has one.
    func existingBuffer(for vm: Ref<VMRecord>) -> ConsoleBuffer? { entries[vm]?.buffer }

    /// Starts capturing `vm` as capture `id`.
    func start(vm: Ref<VMRecord>, id: Int, freshAttempt: Bool) {
        var entry = entries[vm] ?? Entry(buffer: ConsoleBuffer(scrollbackLimit: Self.backgroundScrollbackLines))
        entry.connection?.stop()
        ended.removeAll { $0 == vm }
        if freshAttempt {
            entry.buffer.restartProgress()
            entry.buffer.mark("new install attempt")
            entry.told = nil
            entry.toldFailure = ""
        }
        let connection = BackgroundConsole(vm: vm, id: id, source: source, inbox: inbox)
        entry.connection = connection
        entry.id = id
        entries[vm] = entry
        connection.start()
    }

    /// Stops capturing `vm`; without `keepHistory` its buffer goes too.
    func end(vm: Ref<VMRecord>, keepHistory: Bool) {
        entries[vm]?.connection?.stop()
        entries[vm]?.connection = nil
        ended.removeAll { $0 == vm }
        guard keepHistory, entries[vm] != nil else {
            entries[vm] = nil
            return
        }
        ended.append(vm)
        while ended.count > Self.endedHistoryLimit {
            let oldest = ended.removeFirst()
            if entries[oldest]?.connection == nil { entries[oldest] = nil }
        }
    }

    /// Drops the buffers of VMs no one looks at any more (not captured, not in `keeping`).
    func dropUncaptured(keeping: Set<Ref<VMRecord>>) {
        for (vm, entry) in entries where entry.connection == nil && !keeping.contains(vm) { entries[vm] = nil }
    }

    /// Feeds `bytes` of capture `id` to `vm`'s buffer; false if that capture is no longer current.
    func feed(vm: Ref<VMRecord>, id: Int, _ bytes: [UInt8], at time: Double) -> Bool {
        guard entries[vm]?.id == id, let buffer = entries[vm]?.buffer else { return false }
        buffer.feed(bytes, at: time)
        entries[vm]?.hasNewOutput = true
        return true
    }

    /// Writes a marker line into capture `id` of `vm`; false if that capture is no longer current.
    func mark(vm: Ref<VMRecord>, id: Int, _ text: String) -> Bool {
        guard entries[vm]?.id == id, let buffer = entries[vm]?.buffer else { return false }
        buffer.mark(text)
        return true
    }

    /// Sends typed bytes to `vm`'s capture connection.
    func send(_ bytes: [UInt8], to vm: Ref<VMRecord>) throws {
        try entries[vm]?.connection?.send(bytes)
    }

    /// Lets every captured tracker notice silence (hang detection).
    func tick(at time: Double) {
        for (vm, entry) in entries where entry.connection != nil {
            entry.buffer.tick(at: time)
            entries[vm]?.hasNewOutput = true
        }
    }

    /// What changed since the last call, as actions for the reducer: progress of captures with new
    /// output, failure reports and the host names the consoles printed (sender mapping).
    func takeAdvances() -> [Action] {
        var actions: [Action] = []
        for (vm, entry) in entries where entry.hasNewOutput {
            entries[vm]?.hasNewOutput = false
            guard let id = entry.id else { continue }
            let buffer = entry.buffer
            let now = buffer.reading
            if now != entry.told {
                entries[vm]?.told = now
                actions.append(.captureAdvanced(vm: vm, id: id, now))
            }
            if case .failed = now.phase, entry.toldFailure != now.progress, let report = buffer.failureReport {
                entries[vm]?.toldFailure = now.progress
                actions.append(.captureFailureRead(vm: vm, report))
            }
            if let name = buffer.hostName, name != entry.toldHostName {
                entries[vm]?.toldHostName = name
                actions.append(.consoleHostNameRead(vm: vm, name: name))
            }
        }
        return actions
    }

    /// Stops every connection (the loop ends).
    func stopAll() {
        for entry in entries.values { entry.connection?.stop() }
    }
}
