import FAIMonitor

/// Bounds on what the monitor port accepts (it is open to the install network).
public struct MonitorListenerLimits: Sendable, Equatable {
    /// The longest line accepted, in bytes; a longer one is dropped and its connection closed.
    public var maximumLineLength: Int
    /// Seconds a connection may take to send its line (`fai-monitor -t`, default 5).
    public var readTimeout: Double
    /// Connections open at once, at most.
    public var maximumConnections: Int
    /// Sustained new connections per second.
    public var connectionsPerSecond: Double
    /// Connections accepted in a burst.
    public var burst: Double

    /// Creates limits; the defaults suit a few hundred installs.
    public init(maximumLineLength: Int = MonitorLine.defaultMaximumLength, readTimeout: Double = 5,
                maximumConnections: Int = 256, connectionsPerSecond: Double = 500, burst: Double = 1000) {
        self.maximumLineLength = maximumLineLength
        self.readTimeout = readTimeout
        self.maximumConnections = maximumConnections
        self.connectionsPerSecond = connectionsPerSecond
        self.burst = burst
    }
}
