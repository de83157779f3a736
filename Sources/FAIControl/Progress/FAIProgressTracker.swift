/// Reads FAI install progress from a VM console's byte stream (fai-console.md P1–P6).
///
/// Pure: no clocks, threads or I/O. The caller passes the arrival time of each chunk and calls
/// ``tick(now:)`` now and then (e.g. once a second) so silence can turn into waits and hangs.
///
/// ```swift
/// var tracker = FAIProgressTracker()
/// tracker.consume(chunk, at: seconds)
/// tracker.tick(now: seconds)
/// print(tracker.progress.summary(vmName: "fai01"))
/// ```
public struct FAIProgressTracker: Sendable {
    /// The thresholds, weights and levels in use.
    public let configuration: Configuration

    var assembler: ConsoleLineAssembler
    var state = FAIProgress()
    var facts = Facts()

    /// Creates a tracker.
    /// - Parameters:
    ///   - configuration: thresholds, weights and levels.
    ///   - startTime: when watching began (seconds on the caller's clock), so a console that never
    ///     prints can be declared hung; without it the silence clock starts at the first byte or tick.
    public init(configuration: Configuration = Configuration(), startTime: Double? = nil) {
        self.configuration = configuration
        self.assembler = ConsoleLineAssembler()
        facts.startTime = startTime
    }

    /// The state read so far, including the last complete line and the pending partial line.
    public var progress: FAIProgress {
        var snapshot = state
        snapshot.lastLine = facts.lastLine.isEmpty ? nil : String(decoding: facts.lastLine, as: UTF8.self)
        snapshot.partialLine = assembler.pendingLine
        return snapshot
    }

    /// The exit code for `--until-done` (0 success, 3 FAI failure, 4 no boot, 5 hang), or `nil`
    /// while the install is still under way.
    public var untilDoneExitCode: Int32? { state.untilDoneExitCode(isSettled: isSettled) }

    /// A one-line summary for the CLI, e.g. `fai02: FAI failed in instsoft (472): E: Broken packages`.
    public func summary(vmName: String? = nil) -> String { progress.summary(vmName: vmName) }

    /// A short status for a table column, e.g. `installing instsoft 14/18 63%`.
    public var statusText: String { state.statusText }

    /// Seconds since the last byte (or since the start without any byte) at `now`.
    public func silence(at now: Double) -> Double {
        guard let reference = assembler.lastByteTime ?? facts.startTime else { return 0 }
        return max(0, now - reference)
    }

    /// Feeds console bytes that arrived at `time`.
    /// - Parameters:
    ///   - bytes: raw console bytes, in any chunking.
    ///   - time: their arrival time in seconds on the caller's clock.
    public mutating func consume<Bytes: Sequence>(_ bytes: Bytes, at time: Double) where Bytes.Element == UInt8 {
        // One concrete loop over contiguous bytes: a generic loop called from another module runs
        // unspecialized, through protocol witnesses for every byte.
        let handled: Void? = bytes.withContiguousStorageIfAvailable { consume(contiguous: $0, at: time) }
        if handled == nil { Array(bytes).withUnsafeBufferPointer { consume(contiguous: $0, at: time) } }
    }

    private mutating func consume(contiguous bytes: UnsafeBufferPointer<UInt8>, at time: Double) {
        var sawByte = false
        for byte in bytes {
            if !sawByte {
                sawByte = true
                noteFirstByte(at: time)
            }
            if assembler.push(byte) { handle(ByteLine(assembler.completedLine), at: time) }
        }
        guard sawByte else { return }
        assembler.noteTime(time)
        inspectPartialLine()
        updatePercent(now: time)
        refreshOutcome()
    }

    /// Advances time without output: turns silence into waits, no-boot and hang verdicts, and moves
    /// time-based progress.
    /// - Parameter now: the current time in seconds on the caller's clock.
    public mutating func tick(now: Double) {
        if facts.startTime == nil { facts.startTime = now }
        let silent = silence(at: now)
        let thresholds = configuration.thresholds
        if state.sawReturnPrompt, state.stage.rawOrder < FAIStage.rebooting.rawOrder,
            let prompted = facts.returnPromptTime, now - prompted >= thresholds.returnPrompt {
            state.wait = .waitingForReturn
        }
        if facts.partialPrompt == .initramfsShell || facts.partialPrompt == .shell,
            silent >= thresholds.shellPrompt {
            state.wait = .waitingAtShell
        }
        if facts.verdict == nil, !state.hasFAIStarted, !state.noBootReasons.isEmpty,
            silent >= thresholds.afterBootError {
            facts.verdict = .noBoot(.silentAfterError)
        }
        if facts.verdict == nil, state.wait == nil, !isSettled,
            state.stage.rawOrder < FAIStage.rebooting.rawOrder, silent >= hangThreshold {
            facts.hang = FAIHang(
                task: state.hasFAIStarted ? state.task : nil,
                lastLine: facts.lastLine.isEmpty ? nil : String(decoding: facts.lastLine, as: UTF8.self),
                partialLine: assembler.pendingLine, silentSeconds: silent)
        }
        updatePercent(now: now)
        refreshOutcome()
    }

    /// Whether the install is over as far as `--until-done` is concerned: FAI reached its end
    /// (faiend, the RETURN prompt, a reboot) or the console waits.
    var isSettled: Bool {
        facts.sawFaiend || state.sawReturnPrompt || state.wait != nil
            || state.stage.rawOrder >= FAIStage.rebooting.rawOrder
    }

    private var hangThreshold: Double {
        let thresholds = configuration.thresholds
        guard state.hasFAIStarted else { return thresholds.boot }
        switch state.task {
        case "configure": return thresholds.silentPhase
        case "instsoft", "updatebase", "extrbase":
            return state.isVerbose ? thresholds.talkativePhase : thresholds.silentPhase
        default: return thresholds.talkativePhase
        }
    }

    private mutating func noteFirstByte(at time: Double) {
        if facts.startTime == nil { facts.startTime = time }
        facts.hang = nil
        if state.wait == .waitingAtShell { state.wait = nil }
        if state.stage == .waiting {
            state.stage = .booting
            advance(to: .boot, at: time)
        }
    }
}

extension FAIStage {
    /// The stage's position in boot order, for comparisons.
    var rawOrder: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}
