/// What the monitor received since it started, for the status bar and `fleet`.
public struct MonitorCounters: Sendable, Equatable, Codable {
    /// Lines taken (reports and `VARIABLE` queries).
    public var lines = 0
    /// Lines dropped as bad input.
    public var dropped = 0
    /// Connections that sent nothing in time.
    public var noData = 0
    /// Connections refused by the admission limits.
    public var refused = 0

    /// Creates zero counters.
    public init() {}
}
