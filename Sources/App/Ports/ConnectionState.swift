/// The state of the connection to the pool.
public enum ConnectionState: Sendable, Hashable {
    /// Logging in and loading the pool.
    case connecting
    /// Receiving events.
    case connected
    /// Lost; trying again (attempt number, the last error).
    case reconnecting(attempt: Int, reason: String)
    /// Given up, with the reason.
    case failed(String)

    /// Short text for the status bar.
    public var summary: String {
        switch self {
        case .connecting: "connecting…"
        case .connected: "connected"
        case .reconnecting(let attempt, let reason): "reconnecting (try \(attempt)): \(reason)"
        case .failed(let reason): "disconnected: \(reason)"
        }
    }
}
