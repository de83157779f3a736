/// Bounds how many notes about bad input reach the log: at most ``perSecond`` in any second; the
/// rest are counted and the next note says how many were left out.
public struct NoteThrottle: Sendable, Equatable {
    /// Notes allowed per second.
    public let perSecond: Int
    private var second = Int.min
    private var written = 0
    private var suppressed = 0

    /// Creates a throttle.
    public init(perSecond: Int = 20) { self.perSecond = max(1, perSecond) }

    /// Whether a note at `time` may be written, and how many were left out before it.
    public mutating func admit(at time: Double) -> (allowed: Bool, suppressedBefore: Int) {
        let now = Int(time.rounded(.down))
        if now != second {
            second = now
            written = 0
        }
        guard written < perSecond else {
            suppressed += 1
            return (false, 0)
        }
        written += 1
        defer { suppressed = 0 }
        return (true, suppressed)
    }
}
