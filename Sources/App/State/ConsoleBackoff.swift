/// Console reconnection timing the TUI adds to the shared console follower's own backoff.
public enum ConsoleBackoff {
    /// The delay before asking again for a console xapi refused (503): its holder may stay a while.
    public static let refusedDelayMilliseconds = 15_000
}
