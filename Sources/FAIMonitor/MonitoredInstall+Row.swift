import FAIControl

extension MonitoredInstall {
    /// `k/18` for the phase reached.
    public var phaseText: String { "\(phaseIndex)/\(FAIPhase.count)" }

    /// A text bar of `width` cells for the phase reached, e.g. `[####------]`.
    public func bar(width: Int) -> String {
        let filled = width * phaseIndex / FAIPhase.count
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]"
    }

    /// Whole seconds from the attempt's start to `now` (or to its last message once decided).
    public func elapsedSeconds(now: Double, rules: MonitorRules) -> Int {
        let end = verdict(rules: rules).isDecided ? lastMessageTime : now
        return max(0, Int(end - startTime))
    }
}

extension MonitorVerdict {
    /// A short verdict for a table: `running`, `ok`, `warnings (tests 312)`, `failed (instsoft 472)`,
    /// `stopped (partition 710)`.
    public var text: String {
        switch self {
        case .running: "running"
        case .succeeded: "ok"
        case .succeededWithWarnings(let task, let code): "warnings (\(task) \(code))"
        case .failed(let task, let code, let stopped): "\(stopped ? "stopped" : "failed") (\(task) \(code))"
        }
    }
}

/// `m:ss` or `h:mm:ss`.
public func elapsedText(_ seconds: Int) -> String {
    let (hours, minutes, rest) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
    let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(rest))" : "\(minutes):\(two(rest))"
}
