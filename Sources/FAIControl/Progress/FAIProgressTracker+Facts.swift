extension FAIProgressTracker {
    /// What the tracker remembers besides the published ``FAIProgress``.
    struct Facts: Sendable {
        var startTime: Double?
        var phaseStartTime: Double = 0
        var lastLine: [UInt8] = []
        var context = ContextRing()
        var returnPromptTime: Double?
        /// The task a `Calling hook:`/`Source hook:` belongs to, until that task starts.
        var pendingHookTask: String?
        var fatalTask: String?
        var fatalCode: Int?
        var traceback: String?
        var isFinished = false
        var verdict: Verdict?
        var hang: FAIHang?
        var sawFaiend = false
        var hasRebooted = false
        var partitionCommands = 0
        var partialPrompt: Prompt?
        var logErrorsLine: String?
        var crashLine: String?
    }

    /// The first decisive event; later ones do not replace it (except a panic of the installed system).
    enum Verdict: Sendable, Equatable {
        case noBoot(FAINoBoot.Kind)
        case crash
        case fatal
    }

    /// The kind of prompt the pending partial line shows (P2 Q1–Q3).
    enum Prompt: Sendable, Equatable {
        case initramfsShell
        case shell
        case login
    }

    /// The last 20 lines of the running task, kept as reusable byte buffers.
    struct ContextRing: Sendable {
        static let capacity = 20
        private var slots: [[UInt8]] = []
        private var next = 0
        private var count = 0

        mutating func reset() {
            next = 0
            count = 0
        }

        mutating func append(_ line: ArraySlice<UInt8>) {
            if next < slots.count {
                slots[next].removeAll(keepingCapacity: true)
                slots[next].append(contentsOf: line)
            } else {
                slots.append(Array(line))
            }
            next = (next + 1) % Self.capacity
            count = min(count + 1, Self.capacity)
        }

        /// The kept lines, oldest first.
        var lines: [String] {
            let start = count < Self.capacity ? 0 : next
            return (0..<count).map { offset in
                String(decoding: slots[(start + offset) % Self.capacity], as: UTF8.self)
            }
        }
    }
}
