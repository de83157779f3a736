/// The HTTP part of opening a console, as `xe console` does it, kept free of I/O so both sides can be tested.
public enum ConsoleHandshake {
    /// Where to connect and what to send for a console `location`.
    public struct Request: Sendable, Hashable {
        /// The host and port to connect to (the host in `location`).
        public let endpoint: XenAPIURL
        /// The request bytes:
        /// `CONNECT <path>?<query>&session_id=<ref> HTTP/1.0\r\ncontent-length: 0\r\n\r\n`.
        public let bytes: [UInt8]
    }

    /// Builds the request for `location` (e.g. `https://10.0.0.2/console?uuid=…`).
    ///
    /// The session reference is appended to the query with `&` (or `?` when there is no query).
    public static func request(location: String, sessionReference: String) throws -> Request {
        guard let schemeEnd = location.firstIndex(of: ":"), location[schemeEnd...].hasPrefix("://") else {
            throw ConsoleError.invalidLocation(location)
        }
        let afterScheme = location[location.index(schemeEnd, offsetBy: 3)...]
        guard let pathStart = afterScheme.firstIndex(of: "/") else { throw ConsoleError.invalidLocation(location) }
        let endpoint: XenAPIURL
        do {
            endpoint = try XenAPIURL(string: String(location[..<pathStart]))
        } catch {
            throw ConsoleError.invalidLocation(location)
        }
        let target = afterScheme[pathStart...]
        guard !target.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" }),
            !sessionReference.contains(where: { $0 == " " || $0 == "\r" || $0 == "\n" || $0 == "&" })
        else { throw ConsoleError.invalidLocation(location) }
        let separator = target.contains("?") ? "&" : "?"
        let text = "CONNECT \(target)\(separator)session_id=\(sessionReference) HTTP/1.0\r\ncontent-length: 0\r\n\r\n"
        return Request(endpoint: endpoint, bytes: Array(text.utf8))
    }

    /// The parsed status of a reply whose header block is complete.
    public struct Reply: Sendable, Hashable {
        /// The status code, e.g. 200.
        public let status: Int
        /// The first line, e.g. `HTTP/1.1 200 OK`.
        public let statusLine: String
        /// How many bytes the status line and headers (with the blank line) take; the stream starts after.
        public let headerLength: Int
    }

    /// The most header bytes accepted before the reply counts as malformed.
    public static let maximumHeaderLength = 16 * 1024

    /// Parses the reply read so far: nil while the blank line ending the headers has not arrived.
    public static func parseReply(_ bytes: [UInt8]) throws -> Reply? {
        guard let end = headerEnd(bytes) else {
            if bytes.count > maximumHeaderLength {
                throw ConsoleError.malformedReply("no end of headers in \(bytes.count) bytes")
            }
            if bytes.count >= 5, !bytes.starts(with: Array("HTTP/".utf8)) {
                throw ConsoleError.malformedReply("the reply does not start with HTTP/")
            }
            return nil
        }
        let lineEnd = bytes.firstIndex(where: { $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\n") }) ?? end
        let statusLine = String(decoding: bytes[..<lineEnd], as: UTF8.self)
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, parts[0].hasPrefix("HTTP/"), let status = Int(parts[1]) else {
            throw ConsoleError.malformedReply("bad status line \"\(statusLine)\"")
        }
        return Reply(status: status, statusLine: statusLine, headerLength: end)
    }

    /// Throws the ``ConsoleError`` for a status other than 200.
    public static func check(_ reply: Reply) throws {
        switch reply.status {
        case 200: return
        case 401, 403: throw ConsoleError.unauthorized
        case 404: throw ConsoleError.notFound
        case 500: throw ConsoleError.serverError(statusLine: reply.statusLine)
        case 503: throw ConsoleError.busy
        default: throw ConsoleError.unexpectedStatus(statusLine: reply.statusLine)
        }
    }

    /// The index just after `\r\n\r\n` (or a bare `\n\n`), if present.
    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") {
                if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") { return index + 2 }
                if index + 2 < bytes.count, bytes[index + 1] == UInt8(ascii: "\r"),
                    bytes[index + 2] == UInt8(ascii: "\n")
                {
                    return index + 3
                }
            }
            index += 1
        }
        return nil
    }
}
