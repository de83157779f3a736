import NIOCore

/// One client connection: answers requests in order (keep-alive), and after a successful console
/// CONNECT relays bytes between the client and the guest console.
final class SimulatorConnectionHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPInbound
    typealias OutboundOut = ByteBuffer

    private let server: SimulatorServer
    private let hostIndex: Int
    private var queue: [HTTPRequest] = []
    private var busy = false
    private var closing = false
    private var console: (ref: String, client: Int)?

    init(server: SimulatorServer, hostIndex: Int) {
        self.server = server
        self.hostIndex = hostIndex
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .raw(var buffer):
            if let console, let bytes = buffer.readBytes(length: buffer.readableBytes) {
                server.consoleInput(bytes, to: console.ref)
            }
        case .continueExpected:
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: HTTPResponse.continue)), promise: nil)
        case .malformed(let reason):
            queue.removeAll()
            send(HTTPResponse.internalError(reason), keepAlive: false, context: context)
        case .request(let request):
            queue.append(request)
            processNext(context: context)
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let console { server.detachConsoleClient(console.client, from: console.ref) }
        console = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func processNext(context: ChannelHandlerContext) {
        guard !busy, !closing, !queue.isEmpty else { return }
        let request = queue.removeFirst()
        busy = true
        switch (request.method, request.path) {
        case ("POST", "/"), ("POST", "/RPC2"), ("POST", "/jsonrpc"):
            guard let body = request.body else {
                send(HTTPResponse.internalError("We require a content-length: HTTP header"), keepAlive: false, context: context)
                return
            }
            let transport: RPCTransport = request.path == "/jsonrpc" ? .jsonrpc : .xmlrpc
            let keepAlive = request.keepsAlive
            let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            server.handleRPC(body, transport: transport, hostIndex: hostIndex, on: context.eventLoop)
                .hop(to: context.eventLoop)
                .whenComplete { result in
                    let (handler, context) = bound.value
                    switch result {
                    case .success(.body(let bytes, let contentType)):
                        handler.send(HTTPResponse.rpc(bytes, contentType: contentType, keepAlive: keepAlive), keepAlive: keepAlive, context: context)
                    case .success(.badRequest(let reason)):
                        handler.send(HTTPResponse.internalError(reason), keepAlive: false, context: context)
                    case .success(.drop), .failure:
                        handler.closing = true
                        context.close(promise: nil)
                    }
                }
        case ("OPTIONS", "/jsonrpc"):
            send(HTTPResponse.options, keepAlive: request.keepsAlive, context: context)
        case ("GET", let path) where path.hasPrefix(DebianRepository.mountPath),
             ("HEAD", let path) where path.hasPrefix(DebianRepository.mountPath):
            send(server.repositoryResponse(request), keepAlive: request.keepsAlive, context: context)
        case ("CONNECT", "/console"):
            connectConsole(request, context: context)
        default:
            send(HTTPResponse.notFound(includeBody: request.method != "HEAD"), keepAlive: false, context: context)
        }
    }

    private func connectConsole(_ request: HTTPRequest, context: ChannelHandlerContext) {
        switch server.resolveConsole(request, hostIndex: hostIndex) {
        case .failure(let refusal):
            send(refusal.response, keepAlive: false, context: context)
        case .success(let target):
            closing = true
            var greeting = HTTPResponse.consoleConnected
            if target.isRFB { greeting += Array("RFB 003.008\n".utf8) }
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: greeting)), promise: nil)
            guard let client = server.attachConsoleClient(context.channel, to: target.ref) else {
                context.close(promise: nil)
                return
            }
            console = (target.ref, client)
        }
    }

    /// Writes a reply; without keep-alive the connection closes once the bytes are on the wire.
    private func send(_ bytes: [UInt8], keepAlive: Bool, context: ChannelHandlerContext) {
        busy = false
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil)
            processNext(context: context)
        } else {
            closing = true
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes))).whenComplete { _ in
                channel.close(promise: nil)
            }
        }
    }
}
