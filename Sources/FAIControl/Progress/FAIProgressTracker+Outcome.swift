extension FAIProgressTracker {
    /// Derives ``FAIProgress/outcome`` from the facts gathered so far (fai-console.md P4).
    mutating func refreshOutcome() {
        state.outcome = derivedOutcome()
    }

    private func derivedOutcome() -> FAIOutcome {
        switch facts.verdict {
        case .noBoot(let kind):
            return .noBoot(FAINoBoot(kind: kind, reasonLines: state.noBootReasons))
        case .crash:
            let task = state.task
            return .failed(FAIFailure(
                kind: .crash, task: task, code: nil, errorLines: facts.crashLine.map { [$0] } ?? [],
                issues: issues(atLeast: configuration.failureLevel)))
        case .fatal:
            return .failed(fatalFailure())
        case nil:
            break
        }
        if let hang = facts.hang { return .hung(hang) }
        guard facts.isFinished else { return .running }
        let failing = issues(atLeast: configuration.failureLevel)
        if let first = failing.first {
            return .failed(FAIFailure(
                kind: .errors, task: first.task, code: first.level, errorLines: first.errorLines,
                issues: failing))
        }
        var warnings = issues(atLeast: configuration.warningLevel, below: configuration.failureLevel)
        if state.logHasErrors == true {
            warnings.append(FAITaskIssue(task: "savelog", level: 0, errorLines: facts.logErrorsLine.map { [$0] } ?? []))
        }
        return warnings.isEmpty ? .succeeded : .succeededWithWarnings(warnings)
    }

    private func issues(atLeast level: Int, below ceiling: Int = Int.max) -> [FAITaskIssue] {
        state.tasks.filter { $0.level >= level && $0.level < ceiling }
            .map { FAITaskIssue(task: $0.name, level: $0.level, errorLines: $0.errorLines) }
    }

    private func fatalFailure() -> FAIFailure {
        let task = facts.fatalTask ?? state.task
        let record = task.flatMap { state.record(of: $0) }
        var code = facts.fatalCode
        var isInferred = false
        if code == nil, let level = record?.level, level > 0 { code = level }
        if code == nil, let task, let inferred = Self.stopCode(forTask: task) {
            code = inferred
            isInferred = true
        }
        var issues = issues(atLeast: configuration.failureLevel)
        if let task, !issues.contains(where: { $0.task == task }) {
            issues.insert(FAITaskIssue(task: task, level: code ?? 0, errorLines: record?.errorLines ?? []), at: 0)
        }
        return FAIFailure(
            kind: .fatal, task: task, code: code, isCodeInferred: isInferred,
            errorLines: record?.errorLines ?? [], traceback: facts.traceback, issues: issues)
    }

    /// The level FAI 3.x stops with for a task, which it does not print (fai-console.md P4).
    static func stopCode(forTask task: String) -> Int? {
        switch task {
        case "confdir": 701
        case "mountdisks": 705
        case "partition": 710
        case "extrbase": 801
        default: nil
        }
    }

    /// Recomputes the percentage (fai-console.md P3): weights of the finished phases plus the current
    /// phase's weight times its fraction; never decreases; 100 after the reboot.
    mutating func updatePercent(now: Double) {
        guard state.phaseIndex >= 1 else { return }
        if facts.hasRebooted && state.hasFAIStarted {
            state.percent = 100
            return
        }
        let weights = configuration.phaseWeights
        let total = weights.reduce(0, +)
        guard total > 0 else { return }
        let index = min(state.phaseIndex, FAIPhase.count) - 1
        let base = weights[..<index].reduce(0, +)
        let fraction = min(1, max(0, phaseFraction(index: index, now: now)))
        let percent = min(100, (base + weights[index] * fraction) * 100 / total)
        if percent > state.percent { state.percent = percent }
    }

    private func phaseFraction(index: Int, now: Double) -> Double {
        let phase = FAIPhase(rawValue: index + 1)
        if phase == .instsoft && state.isVerbose {
            return state.packages.fraction ?? 0.05
        }
        if phase == .partition && facts.partitionCommands > 0 {
            return min(0.9, Double(facts.partitionCommands) / 20)
        }
        let expected = configuration.expectedSeconds[index]
        guard expected > 0 else { return 0 }
        return min(0.9, max(0, now - facts.phaseStartTime) / expected)
    }
}
