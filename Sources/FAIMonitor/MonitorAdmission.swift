/// Which connections the monitor port takes: at most ``maximumConnections`` open at once and a token
/// bucket of ``connectionsPerSecond`` (bursts up to ``burst``). A refused connection is closed at once.
public struct MonitorAdmission: Sendable, Equatable {
    /// Why a connection was refused.
    public enum Refusal: Sendable, Equatable, CustomStringConvertible {
        /// Too many connections open.
        case tooManyOpen(Int)
        /// Over the connection rate.
        case overRate

        public var description: String {
            switch self {
            case .tooManyOpen(let count): "\(count) connections open (the limit)"
            case .overRate: "over the connection rate limit"
            }
        }
    }

    /// Connections open at once, at most.
    public let maximumConnections: Int
    /// Sustained new connections per second.
    public let connectionsPerSecond: Double
    /// Connections accepted in a burst.
    public let burst: Double
    /// Connections open now.
    public private(set) var openConnections = 0
    private var tokens: Double
    private var lastRefill: Double?

    /// Creates an admission gate; FAI clients send one short connection per task, so the defaults are
    /// far above what a few hundred installs need.
    public init(maximumConnections: Int = 256, connectionsPerSecond: Double = 500, burst: Double = 1000) {
        self.maximumConnections = max(1, maximumConnections)
        self.connectionsPerSecond = max(0.001, connectionsPerSecond)
        self.burst = max(1, burst)
        tokens = self.burst
    }

    /// Admits (and counts as open) a connection at `time` (seconds), or says why not.
    public mutating func admit(at time: Double) -> Refusal? {
        if let lastRefill, time > lastRefill {
            tokens = min(burst, tokens + (time - lastRefill) * connectionsPerSecond)
        }
        lastRefill = max(lastRefill ?? time, time)
        guard openConnections < maximumConnections else { return .tooManyOpen(openConnections) }
        guard tokens >= 1 else { return .overRate }
        tokens -= 1
        openConnections += 1
        return nil
    }

    /// Counts an admitted connection as closed.
    public mutating func close() {
        openConnections = max(0, openConnections - 1)
    }
}
