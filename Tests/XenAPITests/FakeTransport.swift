import Synchronization
import XMLRPC
import XenAPI

/// An in-memory XenAPI endpoint: records every request and answers with a scripted reply.
final class FakeTransport: XenAPITransport {
    typealias Handler = @Sendable (_ method: String, _ params: [XMLRPCValue]) throws -> [UInt8]

    let host: String
    private let handler: Handler
    private let log = Mutex<[(method: String, params: [XMLRPCValue])]>([])

    init(host: String = "pool", handler: @escaping Handler) {
        self.host = host
        self.handler = handler
    }

    /// The calls received so far.
    var requests: [(method: String, params: [XMLRPCValue])] { log.withLock { $0 } }
    var methods: [String] { requests.map(\.method) }

    func post(_ body: [UInt8], timeout: Duration) throws -> [UInt8] {
        let (method, params) = try XMLRPCDecoder.methodCall(body)
        log.withLock { $0.append((method, params)) }
        return try handler(method, params)
    }
}

/// Hands out prepared fake transports by host.
struct FakeFactory: XenAPITransportFactory {
    let transports: [String: FakeTransport]

    func transport(for url: XenAPIURL) throws -> any XenAPITransport {
        guard let transport = transports[url.host] else {
            throw TransportError(kind: .connectFailed, endpoint: url.description, message: "no fake for \(url.host)")
        }
        return transport
    }
}

/// Canned xapi replies.
enum Reply {
    static func success(_ value: XMLRPCValue) -> [UInt8] { XMLRPCEncoder.success(value) }
    static func failure(_ description: String...) -> [UInt8] { XMLRPCEncoder.failure(description) }
    static let void = XMLRPCEncoder.success("")
}

/// A counter shared with `@Sendable` handlers.
final class Counter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
    var current: Int { value.withLock { $0 } }
}
