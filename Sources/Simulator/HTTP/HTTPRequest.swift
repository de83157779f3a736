import Foundation

/// One HTTP/1.x request as the simulator reads it (xapi's own minimal HTTP server, not a full one).
struct HTTPRequest {
    var method: String
    /// The request target: path plus query, e.g. `/console?uuid=…&session_id=…`.
    var target: String
    var version: String
    /// Header names lowercased, in arrival order.
    var headers: [(name: String, value: String)]
    /// The body; nil when a POST came without `Content-Length`.
    var body: [UInt8]?

    func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// The path without the query.
    var path: String { String(target.prefix { $0 != "?" }) }

    /// The query parameters (percent-decoded).
    var query: [String: String] {
        guard let mark = target.firstIndex(of: "?") else { return [:] }
        var result: [String: String] = [:]
        for pair in target[target.index(after: mark)...].split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { String($0).removingPercentEncoding ?? String($0) }
            if let key = parts.first { result[key] = parts.count == 2 ? parts[1] : "" }
        }
        return result
    }

    /// The value of a cookie, if sent.
    func cookie(_ name: String) -> String? {
        guard let header = header("cookie") else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            if pair.count == 2, pair[0] == name { return String(pair[1]) }
        }
        return nil
    }

    /// Whether the client wants the connection kept open after the reply.
    var keepsAlive: Bool {
        let connection = header("connection")?.lowercased()
        if version == "HTTP/1.0" { return connection == "keep-alive" }
        return connection != "close"
    }
}
