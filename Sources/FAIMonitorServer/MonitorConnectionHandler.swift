import FAIMonitor
import NIOCore

/// One connection to the monitor port: reads one line (bounded, with a timeout), answers a
/// `VARIABLE` query, reports the line, closes. A second line is ignored, as `fai-monitor` does.
final class MonitorConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let listener: FAIMonitorListener
    private var pending: [UInt8] = []
    private var admitted = false
    private var done = false
    private var peer = "?"
    private var timeout: Scheduled<Void>?

    init(listener: FAIMonitorListener) {
        self.listener = listener
    }

    func channelActive(context: ChannelHandlerContext) {
        peer = Self.describe(context.remoteAddress)
        if let refusal = listener.admission.withLock({ $0.admit(at: FAIMonitorListener.now()) }) {
            done = true
            listener.sink(.refused(peer: peer, refusal))
            context.close(promise: nil)
            return
        }
        admitted = true
        let nanoseconds = Int64(max(0.01, listener.limits.readTimeout) * 1_000_000_000)
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        timeout = context.eventLoop.scheduleTask(in: .nanoseconds(nanoseconds)) {
            let (handler, context) = bound.value
            handler.finish(context: context, report: .noData(peer: handler.peer))
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !done else { return }
        let buffer = unwrapInboundIn(data)
        let bytes = buffer.readableBytesView
        if let newline = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            pending.append(contentsOf: bytes[bytes.startIndex..<newline])
            handleLine(context: context)
        } else {
            pending.append(contentsOf: bytes)
            if pending.count > listener.limits.maximumLineLength {
                finish(context: context, report: .dropped(peer: peer, .tooLong(length: pending.count)))
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if !done {
            // The client closed: what it sent without a newline is its line (Perl's <CLIENT> reads it).
            if pending.isEmpty {
                finish(context: context, report: .noData(peer: peer))
            } else {
                handleLine(context: context)
            }
        }
        if admitted {
            admitted = false
            listener.admission.withLock { $0.close() }
        }
        context.fireChannelInactive()
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case ChannelEvent.inputClosed = event, !done {
            pending.isEmpty ? finish(context: context, report: .noData(peer: peer)) : handleLine(context: context)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func handleLine(context: ChannelHandlerContext) {
        let limit = listener.limits.maximumLineLength
        switch MonitorLine.parse(pending, maximumLength: limit) {
        case .success(let line):
            let text = String(decoding: pending.last == UInt8(ascii: "\r") ? pending.dropLast() : pending[...], as: UTF8.self)
            var reply: ByteBuffer?
            if case .variableQuery(let name) = line { reply = ByteBuffer(string: listener.variables.reply(to: name)) }
            finish(context: context, report: .line(peer: peer, text: text, line), reply: reply)
        case .failure(let error):
            finish(context: context, report: error == .empty ? .noData(peer: peer) : .dropped(peer: peer, error))
        }
    }

    private func finish(context: ChannelHandlerContext, report: MonitorReception, reply: ByteBuffer? = nil) {
        guard !done else { return }
        done = true
        pending = []
        timeout?.cancel()
        timeout = nil
        listener.sink(report)
        guard let reply else {
            context.close(promise: nil)
            return
        }
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { _ in channel.close(promise: nil) }
    }

    static func describe(_ address: SocketAddress?) -> String {
        guard let address else { return "?" }
        return "\(address.ipAddress ?? "?"):\(address.port ?? 0)"
    }
}
