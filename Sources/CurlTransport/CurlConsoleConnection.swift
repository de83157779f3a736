internal import CCurl
import Synchronization
import XenAPI
#if canImport(Glibc)
import Glibc
#endif

/// One open console: raw bytes over a libcurl `CONNECT_ONLY` connection.
///
/// All libcurl calls happen under a mutex and never block (`curl_easy_send`/`recv` return `CURLE_AGAIN`);
/// waiting happens in `poll` outside the lock, so a sender is not held up by a waiting receiver.
/// ``close()`` shuts the socket down, which wakes a pending `poll`; the handle itself is freed in `deinit`,
/// so the descriptor number cannot be reused while another thread still polls it.
final class CurlConsoleConnection: ConsoleConnection {
    private struct State: Sendable {
        let handle: EasyHandle
        /// Stream bytes that arrived with the reply headers, delivered before anything else.
        var pending: [UInt8] = []
        var isClosed = false
    }

    private let state: Mutex<State>
    private let socket: Int32
    private static let readSize = 64 * 1024

    init(handle: EasyHandle, socket: Int32) {
        state = Mutex(State(handle: handle))
        self.socket = socket
    }

    /// Reads the status line and headers of the CONNECT reply; keeps any stream bytes after them.
    func readReply(timeout: Duration) throws {
        let deadline = ContinuousClock.now + timeout
        var received: [UInt8] = []
        while true {
            let remaining = ContinuousClock.now.duration(to: deadline)
            switch try receiveRaw(timeout: remaining > .zero ? remaining : .zero) {
            case .bytes(let bytes):
                received += bytes
                if let reply = try ConsoleHandshake.parseReply(received) {
                    try ConsoleHandshake.check(reply)
                    let rest = Array(received[reply.headerLength...])
                    state.withLock { $0.pending = rest }
                    return
                }
            case .timedOut:
                throw ConsoleError.connectionFailed("no reply to CONNECT within \(timeout)")
            case .endOfStream:
                throw ConsoleError.malformedReply("the connection closed before the reply headers ended")
            }
        }
    }

    func send(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let (code, sent): (CURLcode, Int) = try state.withLock { state in
                guard !state.isClosed else { throw ConsoleError.connectionFailed("the console is closed") }
                var sent = 0
                let code = bytes.withUnsafeBytes { raw in
                    curl_easy_send(state.handle.raw, raw.baseAddress.map { $0 + offset }, raw.count - offset, &sent)
                }
                return (code, sent)
            }
            switch code {
            case CURLE_OK:
                offset += sent
            case CURLE_AGAIN:
                guard wait(for: Int16(POLLOUT), timeout: .seconds(30)) else {
                    throw ConsoleError.connectionFailed("the console host does not accept input")
                }
            default:
                throw ConsoleError.connectionFailed(String(cString: curl_easy_strerror(code)))
            }
        }
    }

    func receive(timeout: Duration) throws -> ConsoleChunk {
        let pending: [UInt8] = state.withLock { state in
            defer { state.pending = [] }
            return state.pending
        }
        if !pending.isEmpty { return .bytes(pending) }
        return try receiveRaw(timeout: timeout)
    }

    private func receiveRaw(timeout: Duration) throws -> ConsoleChunk {
        let deadline = ContinuousClock.now + timeout
        while true {
            let result: ConsoleChunk? = try state.withLock { state in
                if state.isClosed { return .endOfStream }
                var buffer = [UInt8](repeating: 0, count: Self.readSize)
                var received = 0
                let code = buffer.withUnsafeMutableBytes { raw in
                    curl_easy_recv(state.handle.raw, raw.baseAddress, raw.count, &received)
                }
                switch code {
                case CURLE_OK:
                    return received == 0 ? .endOfStream : .bytes(Array(buffer[..<received]))
                case CURLE_AGAIN:
                    return nil
                default:
                    throw ConsoleError.connectionFailed(String(cString: curl_easy_strerror(code)))
                }
            }
            if let result { return result }
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return .timedOut }
            _ = wait(for: Int16(POLLIN), timeout: remaining)
        }
    }

    /// Polls the socket for `events`; true when ready (or hung up, which the next call reports).
    private func wait(for events: Int16, timeout: Duration) -> Bool {
        var descriptor = pollfd(fd: socket, events: events, revents: 0)
        let milliseconds = Int32(clamping: max(0, timeout.milliseconds))
        return poll(&descriptor, 1, milliseconds) > 0
    }

    func close() {
        let wasOpen = state.withLock { state in
            defer { state.isClosed = true }
            return !state.isClosed
        }
        if wasOpen { shutdown(socket, Int32(SHUT_RDWR)) }
    }
}
