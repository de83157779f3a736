/// How long to wait before reconnecting a console: 0.5 s doubling to 30 s. The open console and the
/// background captures follow the same schedule.
public enum ConsoleBackoff {
    /// The delay after `attempts` failed reconnections since the last successful one.
    public static func delayMilliseconds(afterAttempts attempts: Int) -> Int {
        min(30_000, 500 << min(max(attempts, 0), 6))
    }

    /// The delay before asking again for a console xapi refused (503): its holder may stay a while.
    public static let refusedDelayMilliseconds = 15_000
}
