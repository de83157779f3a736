import FAIControl
public import Terminal

/// The console capture of the VM shown: a terminal emulator (screen plus scrollback) and the FAI
/// progress tracker, both fed the same bytes. Owned and used only by the loop's thread.
public final class ConsoleBuffer: ConsoleLines {
    /// The guest console's size: a XenServer PV text console is 80x25.
    public static let guestSize = TerminalSize(columns: 80, rows: 25)

    private let scrollbackLimit: Int
    private var emulator: TerminalEmulator
    private var tracker = FAIProgressTracker()

    /// Creates an empty capture keeping up to `scrollbackLimit` lines of scrollback.
    public init(scrollbackLimit: Int = 100_000) {
        self.scrollbackLimit = scrollbackLimit
        emulator = TerminalEmulator(size: Self.guestSize, scrollbackLimit: scrollbackLimit)
    }

    /// Feeds guest output received at `time` (seconds) to the emulator and the progress tracker.
    public func feed(_ bytes: [UInt8], at time: Double) {
        emulator.feed(bytes)
        _ = emulator.takeReplies()
        tracker.consume(bytes, at: time)
    }

    /// Lets the tracker notice a silent console (hang detection).
    public func tick(at time: Double) { tracker.tick(now: time) }

    /// Starts a new, empty capture.
    public func reset() {
        emulator = TerminalEmulator(size: Self.guestSize, scrollbackLimit: scrollbackLimit)
        tracker = FAIProgressTracker()
    }

    /// Forgets the install progress read so far (the VM started again); the capture stays.
    public func restartProgress() { tracker = FAIProgressTracker() }

    /// Writes a lifecycle marker line into the capture, on a line of its own.
    public func mark(_ text: String) {
        let lead = emulator.cursor.column == 0 ? "" : "\r\n"
        emulator.feed(lead + "\u{1b}[0;1;35m── xsfai: \(text) ──\u{1b}[0m\r\n")
    }

    /// Case-insensitive search over scrollback and screen.
    public func search(_ needle: String) -> [SearchMatch] {
        emulator.search(needle, caseSensitive: false)
    }

    /// The whole capture as text.
    public func capturedText() -> String { emulator.capturedText() }

    /// The install phase as the tracker reads it.
    public var phase: InstallPhase {
        let progress = tracker.progress
        switch progress.outcome {
        case .succeeded, .succeededWithWarnings: return .succeeded
        case .failed(let failure): return .failed(task: failure.task ?? "FAI")
        case .noBoot: return .noBoot
        case .hung: return .hung
        case .running:
            guard progress.stage != .waiting else { return .unknown }
            return .installing(task: progress.task ?? progress.stage.rawValue, index: progress.phaseIndex,
                               count: FAIPhase.count)
        }
    }

    /// What the console showed of a failed install (nil unless FAI failed): the verdict, the failed
    /// task and FAI's error lines with the capture lines they are on (the newest such line).
    public var failureReport: FailureReport? {
        let progress = tracker.progress
        guard case .failed(let failure) = progress.outcome else { return nil }
        var seen = Set<String>()
        var errorLines: [FailureReport.ErrorLine] = []
        let sources = [(failure.task ?? "FAI", failure.errorLines)] + failure.issues.map { ($0.task, $0.errorLines) }
        for (task, texts) in sources {
            for text in texts where seen.insert(task + "\u{0}" + text).inserted {
                errorLines.append(.init(task: task, text: text, line: search(text).last?.line))
            }
        }
        return FailureReport(summary: progress.summary(), task: failure.task, code: failure.code, errorLines: errorLines)
    }

    /// The progress line for the console title, empty before FAI output.
    public var progressText: String {
        tracker.progress.stage == .waiting ? "" : "FAI: " + tracker.statusText
    }

    /// The newest line with text (looked for among the last screenful), trailing spaces removed.
    public var lastLine: String {
        let count = lineCount
        for index in stride(from: count - 1, through: max(0, count - Self.guestSize.rows), by: -1) {
            let text = self.text(ofLine: index)
            if !text.isEmpty { return text }
        }
        return ""
    }
    /// The installing host's name the console printed (FAI's DHCP reply), once seen.
    public var hostName: String? { tracker.progress.hostName }

    /// What a background capture reports of this buffer.
    var reading: CaptureReading {
        let progress = tracker.progress
        return CaptureReading(
            phase: phase, progress: progressText, lastLine: lastLine, hasFAIStarted: progress.hasFAIStarted,
            showsInstalledSystem: !progress.hasFAIStarted && progress.partialLine.hasSuffix(" login: "))
    }

    /// Lines held: scrollback plus the guest screen.
    public var lineCount: Int { emulator.lineCount }

    /// The cells of line `index` (0 = oldest scrollback line).
    public func cells(ofLine index: Int) -> [Terminal.Cell] { emulator.line(at: index) }

    /// The guest cursor as a capture line and column; `nil` while the guest hides it.
    public var cursorLine: (line: Int, column: Int)? {
        guard emulator.cursorVisible else { return nil }
        return (emulator.scrollbackCount + emulator.cursor.row, emulator.cursor.column)
    }
}
