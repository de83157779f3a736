import NIOCore
import NIOPosix

/// Sends simulated guests' FAI monitor lines as `echo "$sendid $msg" | nc -w 8 $monserver $port`
/// does: one TCP connection per line, nothing read back. Lines to one address go out in order, each
/// after the previous connection closed; an unreachable monitor loses the line, as `sendmon` does.
final class MonitorSender: Sendable {
    private let group: MultiThreadedEventLoopGroup
    private let chains = LockedState<[String: EventLoopFuture<Void>]>([:])

    init(group: MultiThreadedEventLoopGroup) {
        self.group = group
    }

    /// Queues `lines` for `server:port`.
    func send(_ lines: [String], to server: String, port: Int) {
        let key = "\(server):\(port)"
        chains.withLock { chains in
            var chain = chains[key] ?? group.next().makeSucceededVoidFuture()
            for line in lines {
                chain = chain.flatMap { [self] in sendOne(line, to: server, port: port) }
            }
            chains[key] = chain
        }
    }

    private func sendOne(_ line: String, to server: String, port: Int) -> EventLoopFuture<Void> {
        let loop = group.next()
        return ClientBootstrap(group: loop)
            .connectTimeout(.seconds(1))
            .connect(host: server, port: port)
            .flatMap { channel in
                channel.writeAndFlush(ByteBuffer(string: line + "\n"))
                    .flatMap { channel.close() }
            }
            .flatMapErrorThrowing { _ in }
            .hop(to: loop)
    }
}
