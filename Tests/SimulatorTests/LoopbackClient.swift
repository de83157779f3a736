#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import XMLRPC

/// A tiny blocking HTTP/1.1 client over a raw TCP socket, so tests see exactly the simulator's bytes.
final class LoopbackClient {
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// A parsed HTTP reply.
    struct Reply {
        var statusLine: String
        var headers: [String: String]
        var body: [UInt8]
        var status: Int { Int(statusLine.split(separator: " ").dropFirst().first ?? "") ?? 0 }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let socket: Int32
    private var pending: [UInt8] = []

    /// Connects to `host:port` with a receive timeout.
    init(host: String, port: Int, timeoutSeconds: Int = 15) throws {
        #if canImport(Glibc)
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
        socket = Darwin.socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard socket >= 0 else { throw Failure(description: "socket() failed") }
        var timeout = timeval(tv_sec: timeoutSeconds, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(socket)
            throw Failure(description: "connect to \(host):\(port) failed")
        }
    }

    deinit { close(socket) }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
            guard written > 0 else { throw Failure(description: "write failed") }
            offset += written
        }
    }

    func send(_ text: String) throws { try send(Array(text.utf8)) }

    /// Reads whatever arrives next (empty at end of stream).
    func receiveChunk() throws -> [UInt8] {
        if !pending.isEmpty {
            defer { pending = [] }
            return pending
        }
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let count = buffer.withUnsafeMutableBytes { read(socket, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw Failure(description: "read timed out or failed") }
        return Array(buffer.prefix(count))
    }

    /// Reads until `marker` has been seen; returns everything read up to and including it.
    func receive(until marker: String, limit: Int = 1_000_000) throws -> String {
        var collected: [UInt8] = []
        let needle = Array(marker.utf8)
        while collected.count < limit {
            if let range = Self.find(needle, in: collected) {
                pending = Array(collected[range.upperBound...]) + pending
                return String(decoding: collected[..<range.upperBound], as: UTF8.self)
            }
            let chunk = try receiveChunk()
            guard !chunk.isEmpty else {
                throw Failure(description: "connection closed before \"\(marker)\"; got: \(String(decoding: collected.suffix(300), as: UTF8.self))")
            }
            collected += chunk
        }
        throw Failure(description: "\"\(marker)\" not seen")
    }

    /// Reads one HTTP reply: headers, then a `content-length` body unless `hasBody` is false (HEAD).
    func receiveReply(hasBody: Bool = true) throws -> Reply {
        let head = try receive(until: "\r\n\r\n")
        var lines = head.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        let statusLine = lines.removeFirst()
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body: [UInt8] = []
        if hasBody, let length = headers["content-length"].flatMap(Int.init) {
            while body.count < length {
                let chunk = try receiveChunk()
                guard !chunk.isEmpty else { break }
                body += chunk
            }
            if body.count > length {
                pending = Array(body[length...])
                body = Array(body.prefix(length))
            }
        }
        return Reply(statusLine: statusLine, headers: headers, body: body)
    }

    /// Sends a POST with a body and returns the reply.
    func post(_ path: String, body: [UInt8], contentType: String = "text/xml") throws -> Reply {
        try send("POST \(path) HTTP/1.1\r\nHost: sim\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n")
        try send(body)
        return try receiveReply()
    }

    /// An XML-RPC call; returns the decoded `{Status, Value | ErrorDescription}` struct.
    func call(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCStruct {
        let reply = try post("/", body: XMLRPCEncoder.methodCall(method, params: params))
        guard reply.status == 200 else { throw Failure(description: "HTTP \(reply.statusLine)") }
        guard let wrapper = try XMLRPCDecoder.methodResponse(reply.body).structValue else {
            throw Failure(description: "reply is not a struct")
        }
        return wrapper
    }

    /// An XML-RPC call that must succeed; returns its `Value`.
    func value(_ method: String, _ params: [XMLRPCValue]) throws -> XMLRPCValue {
        let wrapper = try call(method, params)
        guard wrapper["Status"]?.stringValue == "Success", let value = wrapper["Value"] else {
            throw Failure(description: "\(method) failed: \(wrapper["ErrorDescription"]?.stringArrayValue ?? [])")
        }
        return value
    }

    /// An XML-RPC call that must fail; returns its `ErrorDescription`.
    func failure(_ method: String, _ params: [XMLRPCValue]) throws -> [String] {
        let wrapper = try call(method, params)
        guard wrapper["Status"]?.stringValue == "Failure", let description = wrapper["ErrorDescription"]?.stringArrayValue else {
            throw Failure(description: "\(method) unexpectedly succeeded")
        }
        return description
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Range<Int>? {
        guard !needle.isEmpty, haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start..<(start + needle.count) }
        }
        return nil
    }
}
