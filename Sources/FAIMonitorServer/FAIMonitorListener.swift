import FAIMonitor
import Foundation
import NIOCore
import NIOPosix
import Synchronization

/// xsfai's built-in FAI monitor port: listens as `fai-monitor` does, one line per connection,
/// `VARIABLE` answered, everything else reported to the sink and the connection closed. Lines are
/// bounded in length, connections in number and rate; bad input is reported (to be logged) and dropped.
public final class FAIMonitorListener: Sendable {
    private let host: String
    private let requestedPort: Int
    let limits: MonitorListenerLimits
    let variables: MonitorVariables
    let sink: @Sendable (MonitorReception) -> Void
    let admission: Mutex<MonitorAdmission>
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let channel = Mutex<(any Channel)?>(nil)

    /// Creates a stopped listener for `host:port` (port 0: a free one).
    public init(host: String, port: Int, limits: MonitorListenerLimits = MonitorListenerLimits(),
                variables: MonitorVariables = MonitorVariables(), sink: @escaping @Sendable (MonitorReception) -> Void) {
        self.host = host
        requestedPort = port
        self.limits = limits
        self.variables = variables
        self.sink = sink
        admission = Mutex(MonitorAdmission(
            maximumConnections: limits.maximumConnections, connectionsPerSecond: limits.connectionsPerSecond,
            burst: limits.burst))
    }

    /// Binds and returns the port.
    public func start() throws -> Int {
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .serverChannelOption(.backlog, value: 1024)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(MonitorConnectionHandler(listener: self))
                }
            }
        let bound = try bootstrap.bind(host: host, port: requestedPort).wait()
        channel.withLock { $0 = bound }
        return bound.localAddress?.port ?? requestedPort
    }

    /// Connections open now.
    public var openConnections: Int { admission.withLock { $0.openConnections } }

    /// Closes the port and stops the event loop.
    public func stop() {
        let bound = channel.withLock { channel -> (any Channel)? in
            defer { channel = nil }
            return channel
        }
        try? bound?.close().wait()
        try? group.syncShutdownGracefully()
    }

    static func now() -> Double { Date().timeIntervalSince1970 }
}
