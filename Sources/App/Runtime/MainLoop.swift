import FAIControl
import Foundation
public import TUI
import XenAPI

/// The one loop that owns the terminal: reads keys and the inbox, reduces, performs effects, draws.
///
/// Draws only when something changed; console output is coalesced to at most `framesPerSecond`
/// frames, while a key is drawn at once. With nothing happening it waits on input without a timeout
/// (a console that is open ticks once a second for hang detection).
public final class MainLoop {
    /// Maximum frames per second for console output.
    public static let framesPerSecond = 30

    private let screen: any Screen
    private let feed: any PoolFeed
    private let monitor: (any MonitorFeed)?
    private let inbox: Inbox
    private let runner: EffectRunner
    private let captures: ConsoleCaptures
    private let clock = ContinuousClock()
    private let start: ContinuousClock.Instant
    private var state: AppState
    private var needsDraw = true
    private var lastDraw: ContinuousClock.Instant?
    private var lastTick: ContinuousClock.Instant
    private var lastCaptureReport: ContinuousClock.Instant
    /// How often background captures' progress is told to the reducer (their bytes are fed at once).
    private let captureReportInterval = Duration.milliseconds(250)
    /// Called after each frame is presented with the state drawn and, when the frame answers a key,
    /// the time from reading that key to presenting (for first-paint and latency measurements).
    public var onPresent: ((AppState, Duration?) -> Void)?
    private var keyReadAt: ContinuousClock.Instant?
    private var hasBacklog = false
    /// The progress line when the failure report was last read (it is read again when it changes).
    private var reportedFailureProgress = ""
    /// The wall-clock second last told to the reducer (elapsed times in the fleet pane).
    private var toldSecond = 0
    /// The host name the open console printed, as last told to the reducer.
    private var toldHostName: String?
    /// Console bytes fed per turn before keys are looked at again (a few ms of emulation).
    private let consoleBytesPerTurn = 128 << 10

    /// Creates a loop drawing `state` on `screen`, fed by `feed` (and the FAI monitor's `monitor`),
    /// acting through `operations` and `connector`.
    public init(
        screen: any Screen, state: AppState, feed: any PoolFeed, operations: any PoolOperations,
        connector: any ConsoleConnecting, monitor: (any MonitorFeed)? = nil, scrollbackLimit: Int = 100_000
    ) {
        self.screen = screen
        self.feed = feed
        self.monitor = monitor
        var initial = state
        initial.size = screen.size
        self.state = initial
        inbox = Inbox(waker: screen.waker)
        runner = EffectRunner(operations: operations, inbox: inbox)
        captures = ConsoleCaptures(connector: connector, inbox: inbox, openScrollbackLines: scrollbackLimit)
        start = clock.now
        lastTick = start
        lastCaptureReport = start
    }

    /// Runs until the operator quits or the process is asked to end; the screen is closed afterwards.
    public func run() {
        let inbox = self.inbox
        let followed = captures.source
        feed.start { event in
            switch event {
            case .changed(let change):
                followed.update(change)
                inbox.post(.poolChanged(change))
            case .connection(let connection):
                followed.update(connection)
                inbox.post(.connectionChanged(connection))
            }
        }
        monitor?.start { fleet in inbox.post(.monitorChanged(fleet, at: Date().timeIntervalSince1970)) }
        defer {
            monitor?.stop()
            feed.stop()
            captures.stopAll()
            screen.close()
        }
        while state.isRunning {
            drawIfDue(force: false)
            if let event = screen.nextEvent(timeoutMilliseconds: waitMilliseconds) {
                handle(event)
                while state.isRunning, let more = screen.nextEvent(timeoutMilliseconds: 0) { handle(more) }
                drawIfDue(force: true)
            }
            drainInbox()
            tickConsole()
            reportCaptures()
            tellClock()
        }
    }

    /// The current state (for tests).
    public var currentState: AppState { state }

    /// The capture the console pane shows: its VM's buffer.
    private var buffer: ConsoleBuffer? { state.console.vm.map(captures.buffer(for:)) }

    private var waitMilliseconds: Int {
        if hasBacklog { return 0 }
        if needsDraw, let lastDraw {
            let frame = Duration.milliseconds(1000 / Self.framesPerSecond)
            let elapsed = clock.now - lastDraw
            return elapsed >= frame ? 0 : Int((frame - elapsed).components.attoseconds / 1_000_000_000_000_000) + 1
        }
        if state.captures.activeCount > 0 || !state.console.tiles.isEmpty { return 250 }
        if case .attached = state.console.link { return 1000 }
        if showsActiveFleet { return 1000 }
        return -1
    }

    /// Whether the fleet pane is on screen with an attempt still running (its elapsed times move).
    private var showsActiveFleet: Bool {
        (state.pane == .fleet || (state.listPane == .fleet && state.layout.isSplit)) && state.fleet.hasActiveRows
    }

    /// Tells the reducer the wall clock once a second while something shows it, and before any
    /// other action after a pause (so an attempt begun now is dated now).
    private func tellClock(force: Bool = false) {
        let now = Date().timeIntervalSince1970
        let second = Int(now)
        guard second != toldSecond, force || showsActiveFleet else { return }
        toldSecond = second
        needsDraw = true
        _ = state.reduce(.clockTicked(now))
    }

    private func handle(_ event: ScreenEvent) {
        switch event {
        case .key(let key):
            if keyReadAt == nil { keyReadAt = clock.now }
            reduce(.keyPressed(key))
        case .resized(let size): reduce(.resized(size))
        case .terminationRequested: reduce(.terminationRequested)
        }
    }

    private func drainInbox() {
        var consoleChanged = false
        let (items, hasMore) = inbox.drain(byteBudget: consoleBytesPerTurn)
        hasBacklog = hasMore
        for item in items {
            switch item {
            case .action(let action):
                reduce(action)
            case .captureBytes(let vm, let id, let bytes):
                guard captures.feed(vm: vm, id: id, bytes, at: seconds) else { continue }
                if vm == state.console.vm { consoleChanged = true } else if state.console.tiles.contains(vm) { needsDraw = true }
            case .captureReattached(let vm, let id):
                guard captures.mark(vm: vm, id: id, "console reattached (output sent while it was lost is gone)") else { continue }
                if vm == state.console.vm { consoleChanged = true } else if state.console.tiles.contains(vm) { needsDraw = true }
            }
        }
        if consoleChanged { advanceConsole() }
    }

    private func advanceConsole() {
        guard let buffer else { return }
        reduce(.consoleAdvanced(lineCount: buffer.lineCount, phase: buffer.phase, progress: buffer.progressText))
        if let vm = state.console.vm, let name = buffer.hostName, name != toldHostName {
            toldHostName = name
            reduce(.consoleHostNameRead(vm: vm, name: name))
        }
        if case .failed = buffer.phase, state.console.failure == nil || buffer.progressText != reportedFailureProgress {
            reportedFailureProgress = buffer.progressText
            if let report = buffer.failureReport { reduce(.consoleFailureRead(report)) }
        }
    }

    private func tickConsole() {
        guard clock.now - lastTick >= .seconds(1) else { return }
        lastTick = clock.now
        let open = buffer
        let before = open.map { ($0.phase, $0.progressText) }
        captures.tick(at: seconds)
        // The open console's capture may have noticed a hang.
        if let open, let before, before != (open.phase, open.progressText) { advanceConsole() }
    }

    /// Tells the reducer what the background captures read, a few times a second.
    private func reportCaptures() {
        guard clock.now - lastCaptureReport >= captureReportInterval else { return }
        lastCaptureReport = clock.now
        for action in captures.takeAdvances() { reduce(action) }
    }

    private var seconds: Double {
        let elapsed = (clock.now - start).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }

    private func reduce(_ action: Action) {
        if case .clockTicked = action {} else { tellClock(force: true) }
        let effects = state.reduce(action)
        needsDraw = true
        for effect in effects { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .resetConsoleBuffer:
            // A VM captured in the background keeps its history; any other starts afresh.
            if let vm = state.console.vm, state.captures[vm] == nil { captures.end(vm: vm, keepHistory: false) }
            captures.dropUncaptured(keeping: state.viewedOrCapturedVMs)
            reportedFailureProgress = ""
            toldHostName = nil
            advanceConsole()
        case .restartInstallProgress:
            buffer?.restartProgress()
            reportedFailureProgress = ""
            advanceConsole()
        case .markConsole(let text):
            buffer?.mark(text)
            advanceConsole()
        case .startCapture(let vm, let id, let freshAttempt):
            captures.start(vm: vm, id: id, freshAttempt: freshAttempt)
        case .endCapture(let vm, let keepHistory):
            captures.end(vm: vm, keepHistory: keepHistory || state.viewedOrCapturedVMs.contains(vm))
        case .sendToCapture(let vm, let bytes):
            do { try captures.send(bytes, to: vm) } catch { reduce(.operationFailed("console input: \(error)")) }
        case .searchConsole(let needle):
            reduce(.consoleSearched(needle: needle, matches: buffer?.search(needle) ?? []))
        case .saveConsoleCapture(let name):
            saveCapture(vmName: name)
        case .copyConsoleText(let matchLine, let scrollBack):
            guard let buffer else { return }
            let text: String
            if let matchLine {
                text = buffer.text(ofLine: matchLine)
            } else {
                let rows = state.consoleTextRows
                let top = max(0, buffer.lineCount - rows - scrollBack)
                text = (top..<min(buffer.lineCount, top + rows)).map { buffer.text(ofLine: $0) }.joined(separator: "\n")
            }
            screen.copyToClipboard(text)
            reduce(.clipboardCopied(lines: text.split(separator: "\n", omittingEmptySubsequences: false).count))
        case .batch(let effects):
            effects.forEach(perform)
        case .copyText(let text):
            screen.copyToClipboard(text)
            reduce(.clipboardCopied(lines: text.split(separator: "\n", omittingEmptySubsequences: false).count))
        case .suspend:
            screen.suspend()
            reduce(.resized(screen.size))
        case .quit:
            state.isRunning = false
        default:
            runner.perform(effect)
        }
    }

    private func saveCapture(vmName: String) {
        let safeName = String(vmName.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        let path = "xsfai-\(safeName)-\(formatter.string(from: Date())).log"
        let text = buffer?.capturedText() ?? ""
        do {
            try PrivateFile.write(Array(text.utf8), to: path)
            let absolute = URL(fileURLWithPath: path).path
            reduce(.captureSaved(path: absolute, lines: text.split(separator: "\n", omittingEmptySubsequences: false).count - 1))
        } catch {
            reduce(.operationFailed("cannot write \(path) in \(FileManager.default.currentDirectoryPath): \(error)"))
        }
    }

    private func drawIfDue(force: Bool) {
        guard needsDraw else { return }
        let now = clock.now
        if !force, let lastDraw, now - lastDraw < .milliseconds(1000 / Self.framesPerSecond) { return }
        var tiles: [Ref<VMRecord>: any ConsoleLines] = [:]
        for vm in state.console.tiles { tiles[vm] = captures.existingBuffer(for: vm) }
        let (canvas, cursor) = AppView(state: state, console: buffer, tiles: tiles).render()
        screen.present(canvas, cursor: cursor)
        lastDraw = now
        needsDraw = false
        onPresent?(state, keyReadAt.map { clock.now - $0 })
        keyReadAt = nil
    }
}
