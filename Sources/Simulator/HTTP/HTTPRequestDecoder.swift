import Foundation
import NIOCore

/// What the request decoder passes on: a whole request, raw bytes after a CONNECT, or bad input.
enum HTTPInbound {
    case request(HTTPRequest)
    case raw(ByteBuffer)
    case malformed(String)
    /// The client sent `Expect: 100-continue` and waits for an interim reply before the body.
    case continueExpected
}

/// Frames HTTP/1.x requests (request line, headers, a `Content-Length` body). After a `CONNECT`
/// request every further byte is passed on raw, since the connection becomes a console relay.
struct HTTPRequestDecoder: ByteToMessageDecoder {
    typealias InboundOut = HTTPInbound

    /// xapi's limit for an RPC body (`http_limit_max_rpc_size`).
    static let maximumBodySize = 300 * 1024
    static let maximumHeaderSize = 64 * 1024

    private var relaying = false
    private var pendingHead: HTTPRequest?
    private var pendingLength = 0

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if relaying {
            guard buffer.readableBytes > 0, let bytes = buffer.readSlice(length: buffer.readableBytes) else { return .needMoreData }
            context.fireChannelRead(wrapInboundOut(.raw(bytes)))
            return .continue
        }
        if var head = pendingHead {
            guard buffer.readableBytes >= pendingLength, let body = buffer.readBytes(length: pendingLength) else { return .needMoreData }
            head.body = body
            pendingHead = nil
            context.fireChannelRead(wrapInboundOut(.request(head)))
            return .continue
        }
        let view = buffer.readableBytesView
        guard let end = Self.headerEnd(in: view) else {
            if buffer.readableBytes > Self.maximumHeaderSize {
                buffer.moveReaderIndex(forwardBy: buffer.readableBytes)
                context.fireChannelRead(wrapInboundOut(.malformed("request header too large")))
            }
            return .needMoreData
        }
        let headLength = end - view.startIndex
        guard let headBytes = buffer.readBytes(length: headLength + 4) else { return .needMoreData }
        guard var request = Self.parseHead(Array(headBytes.prefix(headLength))) else {
            context.fireChannelRead(wrapInboundOut(.malformed("bad request line")))
            return .continue
        }
        if request.method == "CONNECT" {
            relaying = true
            request.body = []
            context.fireChannelRead(wrapInboundOut(.request(request)))
            return .continue
        }
        let length = request.header("content-length").flatMap { Int($0.trimmingCharacters(in: [" "])) }
        guard let length else {
            request.body = request.method == "POST" ? nil : []
            context.fireChannelRead(wrapInboundOut(.request(request)))
            return .continue
        }
        guard length >= 0, length <= Self.maximumBodySize else {
            context.fireChannelRead(wrapInboundOut(.malformed("request body of \(length) bytes is over the limit")))
            return .continue
        }
        pendingHead = request
        pendingLength = length
        if request.header("expect")?.lowercased() == "100-continue", buffer.readableBytes < length {
            context.fireChannelRead(wrapInboundOut(.continueExpected))
        }
        return .continue
    }

    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }

    private static func headerEnd(in view: ByteBufferView) -> ByteBufferView.Index? {
        var index = view.startIndex
        let last = view.endIndex - 3
        while index < last {
            if view[index] == 13, view[index + 1] == 10, view[index + 2] == 13, view[index + 3] == 10 { return index }
            index += 1
        }
        return nil
    }

    private static func parseHead(_ bytes: [UInt8]) -> HTTPRequest? {
        let text = String(decoding: bytes, as: UTF8.self)
        var lines = text.components(separatedBy: "\r\n")
        let requestLine = lines.removeFirst().split(separator: " ").map(String.init)
        guard requestLine.count == 3, requestLine[2].hasPrefix("HTTP/") else { return nil }
        var headers: [(String, String)] = []
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers.append((name, value))
        }
        var target = requestLine[1]
        if let scheme = target.range(of: "://"), target.hasPrefix("http") {
            let rest = target[scheme.upperBound...]
            target = rest.firstIndex(of: "/").map { String(rest[$0...]) } ?? "/"
        }
        return HTTPRequest(method: requestLine[0], target: target, version: requestLine[2], headers: headers, body: [])
    }
}
