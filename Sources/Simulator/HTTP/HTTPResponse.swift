import Foundation

/// The exact reply bytes the simulator writes, modelled on xapi's `Http` module.
enum HTTPResponse {
    /// The console proxy's success reply (`Http.http_200_ok` with xapi's headers), byte for byte.
    static let consoleConnected = Array("HTTP/1.1 200 OK\r\nConnection: keep-alive\r\nCache-Control: no-cache, no-store\r\n\r\n".utf8)

    /// The interim reply to `Expect: 100-continue` (curl sends it before large bodies).
    static let `continue` = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// A 200 reply to an RPC, with xapi's headers.
    static func rpc(_ body: [UInt8], contentType: String, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 200 OK\r\n"
        head += "content-length: \(body.count)\r\n"
        head += "content-type: \(contentType)\r\n"
        head += keepAlive ? "connection: keep-alive\r\n" : "connection: close\r\n"
        head += "cache-control: no-cache, no-store\r\n"
        head += "access-control-allow-origin: *\r\n"
        head += "access-control-allow-headers: X-Requested-With\r\n\r\n"
        return Array(head.utf8) + body
    }

    /// A file from the repository; `includeBody` is false for HEAD.
    static func file(_ body: [UInt8], includeBody: Bool) -> [UInt8] {
        let head = "HTTP/1.1 200 OK\r\ncontent-length: \(body.count)\r\ncontent-type: application/octet-stream\r\nconnection: keep-alive\r\n\r\n"
        return Array(head.utf8) + (includeBody ? body : [])
    }

    /// The CORS preflight answer on `/jsonrpc`.
    static let options = Array("HTTP/1.1 200 OK\r\ncontent-length: 0\r\naccess-control-allow-origin: *\r\naccess-control-allow-headers: X-Requested-With, Content-Type\r\naccess-control-allow-methods: POST, OPTIONS\r\nconnection: keep-alive\r\n\r\n".utf8)

    static let unauthorised = Array("HTTP/1.1 401 Unauthorised\r\ncontent-length: 0\r\nwww-authenticate: Basic realm=\"xapi\"\r\nconnection: close\r\n\r\n".utf8)

    static func notFound(includeBody: Bool = true) -> [UInt8] {
        page(status: "404 Not Found", title: "404 Not Found", text: "The requested resource was not found.", includeBody: includeBody)
    }

    /// xapi's HTTP 500 page (bad request framing, malformed XML, console of a VM not running here).
    static func internalError(_ detail: String) -> [UInt8] {
        page(status: "500 Internal Error", title: "HTTP 500 internal server error",
             text: "An unexpected error occurred; please wait a while and try again. If the problem persists, please contact your support representative.<h1> Additional information </h1>\(escape(detail))",
             includeBody: true)
    }

    static let connectionLimit = page(status: "503 Connection Limit Exceeded", title: "HTTP 503 Connection Limit Exceeded",
                                      text: "The console connection limit has been exceeded.", includeBody: true)

    private static func page(status: String, title: String, text: String, includeBody: Bool) -> [UInt8] {
        let body = "<html><body><h1>\(title)</h1>\(text)</body></html>"
        let head = "HTTP/1.1 \(status)\r\nconnection: close\r\ncontent-type: text/html\r\ncontent-length: \(body.utf8.count)\r\n\r\n"
        return Array(head.utf8) + (includeBody ? Array(body.utf8) : [])
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
