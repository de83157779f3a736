import FAIMonitor
import FAIMonitorServer
import Foundation
#if canImport(Glibc)
import Glibc
import TestScratch
#endif

/// xsfai's monitor listener on 127.0.0.1 with a free port, its service and a log in a temp dir.
final class MonitorHarness {
    let directory: String
    let logPath: String
    let service: FAIMonitorService
    let listener: FAIMonitorListener
    let port: Int

    init(limits: MonitorListenerLimits = MonitorListenerLimits(), variables: MonitorVariables = MonitorVariables(),
         maximumSenders: Int = MonitorFleet.defaultMaximumSenders) throws {
        directory = try Self.temporaryDirectory()
        logPath = directory + "/xsfai-monitor.log"
        service = FAIMonitorService(
            fleet: MonitorFleet(maximumSenders: maximumSenders),
            log: try MonitorLogWriter(path: logPath, format: MonitorLogFormat(timestamps: true, utc: true)))
        let service = service
        listener = FAIMonitorListener(host: "127.0.0.1", port: 0, limits: limits, variables: variables) { reception in
            service.receive(reception)
        }
        port = try listener.start()
        service.logStarted(port: port)
    }

    deinit {
        listener.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    var logLines: [String] {
        ((try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }

    /// Waits up to `seconds` for `condition`.
    func wait(_ seconds: Double = 10, until condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            usleep(20_000)
        }
        return condition()
    }

    static func temporaryDirectory() throws -> String {
        Scratch.folder("xsfai-monitor")
    }
}

/// A plain TCP client for hostile input: connect, send, optionally read the reply, close.
enum RawClient {
    /// Sends `bytes` in one connection to 127.0.0.1:`port`; returns what the server answered
    /// (read until it closes, at most `readLimit` bytes), or nil when the connection failed.
    @discardableResult
    static func send(_ bytes: [UInt8], port: Int, read readLimit: Int = 0, timeout: Double = 5) -> [UInt8]? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        var limit = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - Double(Int(timeout))) * 1e6))
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return nil }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { break }
            offset += sent
        }
        guard readLimit > 0 else { return [] }
        var reply: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while reply.count < readLimit {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { break }
            reply += buffer[0..<count]
        }
        return reply
    }

    /// Opens a connection and keeps it open, silent, until the returned descriptor is closed.
    static func openSilent(port: Int) -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return socket
    }
}
