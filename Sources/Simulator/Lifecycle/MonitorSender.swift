import NIOCore
import NIOPosix
import Synchronization

/// Sends simulated guests' FAI monitor lines as `echo "$sendid $msg" | nc -w 8 $monserver $port`
/// does: one TCP connection per line, nothing read back. Lines to one address go out in order, each
/// after the previous connection closed; an unreachable monitor loses the line, as `sendmon` does.
/// ``stop()`` drops what is still queued and waits for the connections in flight, so the event loops
/// are never shut down under a pending connect (NIO treats that as a leaked promise).
final class MonitorSender: Sendable {
    private let group: MultiThreadedEventLoopGroup
    /// The last send queued per address: each line's send follows the previous one.
    private let chains = LockedState<[String: EventLoopFuture<Void>]>([:])
    /// Set by ``stop()``: nothing new is sent. An atomic, not under the chains' lock: a send may run
    /// at once, inside `send(_:to:port:)`, when the chain it follows is already complete.
    private let isStopped = Atomic(false)

    init(group: MultiThreadedEventLoopGroup) {
        self.group = group
    }

    /// Queues `lines` for `server:port`.
    func send(_ lines: [String], to server: String, port: Int) {
        let key = "\(server):\(port)"
        guard !isStopped.load(ordering: .acquiring) else { return }
        chains.withLock { chains in
            var chain = chains[key] ?? group.next().makeSucceededVoidFuture()
            for line in lines {
                chain = chain.flatMap { [self] in sendOne(line, to: server, port: port) }
            }
            chains[key] = chain
        }
    }

    /// Drops the lines not yet sent and waits for the connections in flight (each bounded by the
    /// connect timeout); call before shutting down the event loops.
    func stop() async {
        isStopped.store(true, ordering: .releasing)
        for chain in chains.withLock({ Array($0.values) }) { try? await chain.get() }
    }

    private func sendOne(_ line: String, to server: String, port: Int) -> EventLoopFuture<Void> {
        let loop = group.next()
        guard !isStopped.load(ordering: .acquiring) else { return loop.makeSucceededVoidFuture() }
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
