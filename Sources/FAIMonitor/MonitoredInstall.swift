import FAIControl

/// One install client's current attempt as its monitor messages tell it (a row of `fai-monitor-gui`).
public struct MonitoredInstall: Sendable, Hashable {
    /// The send id (`FAI_SENDID`: a host name, `aa:bb:…` or `01-aa-bb-…`).
    public let sender: String
    /// How many attempts began (`check` messages) since the sender was first seen.
    public private(set) var attempt = 0
    /// When the attempt began (its `check`, else its first message), in the caller's clock.
    public private(set) var startTime: Double
    /// When the last message came.
    public private(set) var lastMessageTime: Double
    /// Every task reported, in the order they began.
    public private(set) var tasks: [MonitorTaskRecord] = []
    /// The tasks begun and not yet ended, outermost first (`action`, `install`, then the running one).
    public private(set) var openTasks: [String] = []
    /// The last hook announced.
    public private(set) var lastHook: String?
    /// The last message as sent.
    public private(set) var lastMessage: String = ""
    /// Whether FAI reached `faiend` (its TASKBEGIN or TASKEND) or `TASKEND reboot`.
    public private(set) var isFinished = false
    /// Set when FAI stopped: the task and code of the fatal report.
    public private(set) var stop: (task: String, code: Int)?

    /// Creates the row for a sender first heard at `time`.
    public init(sender: String, at time: Double) {
        self.sender = sender
        startTime = time
        lastMessageTime = time
    }

    /// The innermost running task, else the last task reported.
    public var currentTask: String? { openTasks.last ?? tasks.last?.name }

    /// The highest phase (1…18, ``FAIControl/FAIPhase``) reached, 0 before the first known task.
    public var phaseIndex: Int {
        var phase = tasks.compactMap { FAIPhase(task: $0.name)?.rawValue }.max() ?? 0
        if isFinished { phase = FAIPhase.count }
        return phase
    }

    /// The highest code of the attempt.
    public var highestCode: Int { tasks.map(\.code).max() ?? 0 }

    /// The band of the highest code.
    public var band: FAIErrorBand { FAIErrorBand(code: highestCode) }

    /// Applies one message received at `time`.
    public mutating func apply(_ message: MonitorMessage, at time: Double, rules: MonitorRules) {
        lastMessageTime = time
        lastMessage = message.text
        switch message {
        case .check:
            self = MonitoredInstall(sender: sender, at: time)
                .with(attempt: attempt + 1, lastMessage: message.text)
        case .taskBegin(let task):
            openTasks.removeAll { $0 == task }
            openTasks.append(task)
            // faiend runs after every other task: the codes are final (it may then wait at the RETURN prompt).
            if task == "faiend" { isFinished = true }
            if let index = tasks.lastIndex(where: { $0.name == task }), tasks[index].state == .running {
                return
            }
            tasks.append(MonitorTaskRecord(name: task, state: .running))
        case .taskEnd(let task, let code):
            openTasks.removeAll { $0 == task }
            if let index = tasks.lastIndex(where: { $0.name == task }) {
                tasks[index].state = .ended(code: max(code, endedCode(tasks[index])))
            } else {
                tasks.append(MonitorTaskRecord(name: task, state: .ended(code: code)))
            }
            if task == "faiend" || task == "reboot" { isFinished = true }
            if code > rules.stopOnError && stop == nil { stop = (task, code) }
        case .taskSkip(let task):
            tasks.append(MonitorTaskRecord(name: task, state: .skipped))
        case .taskError(let task, let code):
            if let index = tasks.lastIndex(where: { $0.name == task }) {
                tasks[index].errorCode = max(code, tasks[index].errorCode ?? 0)
            } else {
                tasks.append(MonitorTaskRecord(name: task, state: .ended(code: 0), errorCode: code))
            }
            // The fixed failures below the warning band (21, 22, 23) come right before FAI dies.
            if (code < rules.warningLevel || code > rules.stopOnError) && stop == nil { stop = (task, code) }
        case .hook(let name):
            lastHook = name
        case .other:
            break
        }
    }

    /// The verdict so far.
    public func verdict(rules: MonitorRules) -> MonitorVerdict {
        if let stop { return .failed(task: stop.task, code: stop.code, stopped: true) }
        guard isFinished else { return .running }
        if let failing = tasks.first(where: { $0.code >= rules.failureLevel }) {
            return .failed(task: failing.name, code: failing.code, stopped: false)
        }
        if let warning = tasks.first(where: { $0.code >= rules.warningLevel }) {
            return .succeededWithWarnings(task: warning.name, code: warning.code)
        }
        return .succeeded
    }

    public static func == (lhs: MonitoredInstall, rhs: MonitoredInstall) -> Bool {
        lhs.sender == rhs.sender && lhs.attempt == rhs.attempt && lhs.startTime == rhs.startTime
            && lhs.lastMessageTime == rhs.lastMessageTime && lhs.tasks == rhs.tasks && lhs.openTasks == rhs.openTasks
            && lhs.lastHook == rhs.lastHook && lhs.lastMessage == rhs.lastMessage && lhs.isFinished == rhs.isFinished
            && lhs.stop?.task == rhs.stop?.task && lhs.stop?.code == rhs.stop?.code
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(sender)
        hasher.combine(attempt)
        hasher.combine(lastMessageTime)
        hasher.combine(tasks)
    }

    private func endedCode(_ record: MonitorTaskRecord) -> Int {
        if case .ended(let code) = record.state { return code }
        return 0
    }

    private func with(attempt: Int, lastMessage: String) -> MonitoredInstall {
        var copy = self
        copy.attempt = attempt
        copy.lastMessage = lastMessage
        return copy
    }
}
