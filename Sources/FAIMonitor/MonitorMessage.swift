/// What an FAI install client reports after its send id (fai-monitor.md, "Messages").
public enum MonitorMessage: Sendable, Equatable {
    /// `check`: the connection probe sent once when monitoring starts; a new install attempt.
    case check
    /// `TASKBEGIN <task>`.
    case taskBegin(task: String)
    /// `TASKEND <task> <code>`: the task's highest error code (0 ok).
    case taskEnd(task: String, code: Int)
    /// `TASKSKIP <task>`.
    case taskSkip(task: String)
    /// `TASKERROR <task> <code>`: one of FAI's fixed failures.
    case taskError(task: String, code: Int)
    /// `HOOK <hook>.<CLASS>[.sh]`.
    case hook(name: String)
    /// Any other text (kept, shown, never interpreted).
    case other(String)

    /// Parses the text after the send id; unknown or malformed keywords become ``other(_:)``.
    public init(text: String) {
        let words = text.split(separator: " ", omittingEmptySubsequences: true)
        let code = words.count == 3 ? Int(words[2]) : nil
        switch (words.first, words.count) {
        case ("check", 1): self = .check
        case ("TASKBEGIN", 2): self = .taskBegin(task: String(words[1]))
        case ("TASKSKIP", 2): self = .taskSkip(task: String(words[1]))
        case ("HOOK", 2): self = .hook(name: String(words[1]))
        case ("TASKEND", 3) where code != nil: self = .taskEnd(task: String(words[1]), code: code!)
        case ("TASKERROR", 3) where code != nil: self = .taskError(task: String(words[1]), code: code!)
        default: self = .other(text)
        }
    }

    /// The message as the client sends it.
    public var text: String {
        switch self {
        case .check: "check"
        case .taskBegin(let task): "TASKBEGIN \(task)"
        case .taskEnd(let task, let code): "TASKEND \(task) \(code)"
        case .taskSkip(let task): "TASKSKIP \(task)"
        case .taskError(let task, let code): "TASKERROR \(task) \(code)"
        case .hook(let name): "HOOK \(name)"
        case .other(let text): text
        }
    }
}
