extension FAIProgressTracker {
    static let maximumErrorLinesPerTask = 50
    static let maximumTasks = 256
    static let maximumReasonLines = 20

    /// Applies one complete, cleaned line.
    mutating func handle(_ line: ByteLine, at time: Double) {
        let event = FAIConsoleEvent.classify(line)
        if !line.isEmpty {
            facts.lastLine.removeAll(keepingCapacity: true)
            facts.lastLine.append(contentsOf: line.bytes)
            if state.wait == .paused, event != .pausedForConfigSpace,
                !line.hasPrefix("Continue after killall sleep") {
                state.wait = nil
            }
        }
        if let event { apply(event, line: line, at: time) }
        if !line.isEmpty, state.task != nil {
            switch event {
            case .taskStarted, .taskExitCode: break
            default: facts.context.append(line.bytes)
            }
        }
    }

    private mutating func apply(_ event: FAIConsoleEvent, line: ByteLine, at time: Double) {
        switch event {
        case .kernelStarted(let version):
            kernelStarted(version: version, at: time)
        case .paravirtualizedKernel:
            state.isParavirtualized = true
        case .kernelCommandLine(let commandLine):
            guard isBeforeReboot else { return }
            state.kernelCommandLine = commandLine
            let inferred = state.kernelArgumentWarnings.filter { $0 == .waitedForLocalRoot }
            state.kernelArgumentWarnings = FAIKernelArgumentWarning.warnings(forCommandLine: commandLine) + inferred
        case .initramfs:
            if state.stage == .waiting || state.stage == .booting {
                state.stage = .initramfs
                advance(to: .initramfs, at: time)
            }
        case .hostName(let name):
            if isBeforeReboot { state.hostName = name }
        case .nfsrootInit:
            if state.stage.rawOrder < FAIStage.nfsrootInit.rawOrder {
                state.stage = .nfsrootInit
                advance(to: .faiStart, at: time)
            }
        case .banner:
            startFAI(at: time)
        case .faiVersion(let version):
            if isBeforeReboot { state.faiVersion = version }
        case .taskStarted(let task):
            taskStarted(task, at: time)
        case .taskSkipped(let task):
            updateRecord(of: task) { $0.isSkipped = true }
        case .taskExitCode(let task, let level):
            let context = facts.context.lines
            updateRecord(of: task) { record in
                record.level = max(record.level, level)
                if level != 0 { record.contextLines = context }
            }
        case .taskDuration(let task, let seconds):
            updateRecord(of: task) { $0.durationSeconds = seconds }
        case .hook(let hook):
            let task = String(hook.prefix { $0 != "." })
            facts.pendingHookTask = FAIPhase(task: task) != nil ? task : nil
        case .scriptSucceeded:
            break
        case .scriptFailed:
            addError(line.string)
        case .action(let action):
            state.action = action
        case .flags(let flags):
            state.flags = flags
        case .classes(let classes):
            state.classes = classes
        case .executionStarted(let date):
            state.runDate = date
        case .fatalTask(let task, let code, let traceback):
            facts.fatalTask = task
            if let code { facts.fatalCode = code }
            if let traceback { facts.traceback = traceback }
            decideFatal()
        case .traceback(let traceback):
            if state.hasFAIStarted { facts.traceback = traceback }
        case .fatalStop:
            decideFatal()
        case .dieMessage:
            addError(line.string)
            decideFatal()
        case .errorLine:
            addError(line.string)
        case .packageTotals(let newlyInstalled):
            if state.task == "instsoft" { state.packages.total += newlyInstalled }
        case .packageUnpacked(let package):
            guard state.task == "instsoft" else { return }
            state.packages.unpacked += 1
            state.step = "unpacking \(package)"
        case .packageSetUp(let package):
            guard state.task == "instsoft" else { return }
            state.packages.setUp += 1
            state.step = "setting up \(package)"
        case .executing(let command):
            guard state.hasFAIStarted else { return }
            if state.task == "partition" { facts.partitionCommands += 1 }
            state.step = command
        case .finishedAt:
            break
        case .actionTook(_, let seconds):
            guard state.hasFAIStarted else { return }
            facts.isFinished = true
            state.installSeconds = seconds
        case .logVerdictClean:
            state.logHasErrors = false
        case .logVerdictErrors:
            state.logHasErrors = true
            facts.logErrorsLine = line.string
        case .returnPrompt:
            guard state.hasFAIStarted, isBeforeReboot else { return }
            state.sawReturnPrompt = true
            facts.returnPromptTime = time
            advance(to: .faiend, at: time)
        case .rebootingHost(let host):
            if isBeforeReboot { state.hostName = host }
            reboot(at: time)
        case .restartingSystem:
            reboot(at: time)
        case .kernelPanic:
            kernelPanic(line.string)
        case .noBootReason:
            noBootReason(line)
        case .pausedForConfigSpace:
            state.wait = .paused
        }
    }

    private var isBeforeReboot: Bool { state.stage.rawOrder < FAIStage.rebooting.rawOrder }

    private mutating func kernelStarted(version: String, at time: Double) {
        if isBeforeReboot && !facts.isFinished {
            state.kernelVersion = version
            if state.stage.rawOrder < FAIStage.booting.rawOrder { state.stage = .booting }
            advance(to: .boot, at: time)
        } else {
            // A kernel after FAI finished is the installed system, even if the reboot lines were missed.
            if isBeforeReboot { reboot(at: time) }
            state.stage = .installedBooting
        }
    }

    private mutating func startFAI(at time: Double) {
        guard isBeforeReboot else { return }
        state.hasFAIStarted = true
        if state.stage.rawOrder < FAIStage.fai.rawOrder { state.stage = .fai }
        advance(to: .faiStart, at: time)
    }

    private mutating func taskStarted(_ task: String, at time: Double) {
        guard isBeforeReboot else { return }
        if !state.hasFAIStarted { startFAI(at: time) }
        facts.pendingHookTask = nil
        facts.context.reset()
        state.task = task
        state.step = nil
        if state.record(of: task) == nil, state.tasks.count < Self.maximumTasks {
            state.tasks.append(FAITaskRecord(name: task))
        }
        if task == "faiend" { facts.sawFaiend = true }
        let phase = FAIPhase(task: task)
        if task == "install" || (phase?.rawValue ?? 0) >= FAIPhase.partition.rawValue {
            state.stage = .installing
        }
        if let phase { advance(to: phase, at: time) }
    }

    private mutating func reboot(at time: Double) {
        state.stage = .rebooting
        state.wait = nil
        facts.hasRebooted = true
        facts.partialPrompt = nil
        if state.hasFAIStarted {
            advance(to: .faiend, at: time)
            state.percent = 100
        }
    }

    private mutating func kernelPanic(_ line: String) {
        appendReason(line)
        if state.stage == .installedBooting {
            facts.verdict = .noBoot(.panic)
        } else if facts.verdict == nil {
            if state.hasFAIStarted {
                facts.crashLine = line
                facts.verdict = .crash
            } else {
                facts.verdict = .noBoot(.panic)
            }
        }
    }

    private mutating func noBootReason(_ line: ByteLine) {
        guard !state.hasFAIStarted || state.stage == .installedBooting else { return }
        appendReason(line.string)
        if line.hasPrefix("Gave up waiting for root device"),
            !state.kernelArgumentWarnings.contains(.waitedForLocalRoot) {
            state.kernelArgumentWarnings.append(.waitedForLocalRoot)
        }
    }

    private mutating func appendReason(_ line: String) {
        guard !state.noBootReasons.contains(line), state.noBootReasons.count < Self.maximumReasonLines else {
            return
        }
        state.noBootReasons.append(line)
    }

    /// Adds an error line to the task it belongs to: a pending hook's task, else the running task.
    private mutating func addError(_ line: String) {
        guard let task = facts.pendingHookTask ?? state.task else {
            if !state.hasFAIStarted { appendReason(line) }
            return
        }
        updateRecord(of: task) { record in
            if !record.errorLines.contains(line), record.errorLines.count < Self.maximumErrorLinesPerTask {
                record.errorLines.append(line)
            }
        }
    }

    private mutating func decideFatal() {
        guard state.hasFAIStarted else { return }
        if facts.verdict == nil { facts.verdict = .fatal }
    }

    /// Changes the last record of `task`, creating it when the task was never announced.
    private mutating func updateRecord(of task: String, _ change: (inout FAITaskRecord) -> Void) {
        if let index = state.tasks.lastIndex(where: { $0.name == task }) {
            change(&state.tasks[index])
        } else if state.tasks.count < Self.maximumTasks {
            var record = FAITaskRecord(name: task)
            change(&record)
            state.tasks.append(record)
        }
    }

    /// Moves the phase index forward (never back) and restarts the phase clock.
    mutating func advance(to phase: FAIPhase, at time: Double) {
        guard phase.rawValue > state.phaseIndex else { return }
        state.phaseIndex = phase.rawValue
        facts.phaseStartTime = time
    }

    /// Classifies the pending partial line as a prompt (P2 Q1–Q3) and applies what it means.
    mutating func inspectPartialLine() {
        let partial = ByteLine(assembler.pendingLineBytes)
        let prompt = Self.prompt(in: partial)
        facts.partialPrompt = prompt
        switch prompt {
        case .initramfsShell:
            if facts.verdict == nil, !state.hasFAIStarted || state.stage == .installedBooting {
                facts.verdict = .noBoot(.initramfsShell)
            }
        case .shell:
            if isBeforeReboot { decideFatal() }
        case .login:
            if facts.hasRebooted { state.stage = .installed }
        case nil:
            break
        }
    }

    static func prompt(in partial: ByteLine) -> Prompt? {
        guard let last = partial.bytes.last else { return nil }
        if partial.hasPrefix("(initramfs)") && partial.bytes.count == 11 { return .initramfsShell }
        if let name = partial.before(" login:") {
            return !name.isEmpty && name.splitAtFirstBlank.rest.isEmpty ? .login : nil
        }
        guard last == UInt8(ascii: "#") || last == UInt8(ascii: "$") else { return nil }
        if let version = partial.after("bash-") {
            let digits = version.bytes.dropLast()
            return !digits.isEmpty && digits.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }) ? .shell : nil
        }
        // \S+@\S+:.*[#$]
        let bytes = partial.bytes
        guard let at = bytes.firstIndex(of: UInt8(ascii: "@")), at > bytes.startIndex,
            !bytes[..<at].contains(where: { $0 == 0x20 || $0 == 0x09 })
        else { return nil }
        let afterAt = bytes[(at + 1)...]
        guard let colon = afterAt.firstIndex(of: UInt8(ascii: ":")), colon > afterAt.startIndex,
            !afterAt[..<colon].contains(where: { $0 == 0x20 || $0 == 0x09 })
        else { return nil }
        return .shell
    }
}
