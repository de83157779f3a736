/// The address of one xapi HTTP endpoint: scheme, host and port (`https://10.0.0.1`, `http://127.0.0.1:8080`).
///
/// Paths are not kept: XML-RPC always goes to `/`. Parsing accepts an optional path, which it ignores, and
/// bracketed IPv6 hosts (`https://[fe80::1]:443`).
public struct XenAPIURL: Sendable, Hashable, CustomStringConvertible {
    /// `http` or `https`.
    public let scheme: String
    /// The host name or address, without brackets for IPv6.
    public let host: String
    /// The TCP port (443 for https and 80 for http unless given).
    public let port: Int

    /// Creates a URL from its parts; `port` defaults to the scheme's port.
    public init(scheme: String, host: String, port: Int? = nil) throws {
        let lowered = scheme.lowercased()
        guard lowered == "http" || lowered == "https" else {
            throw XenAPIURLError(text: "\(scheme)://\(host)", reason: "the scheme must be http or https")
        }
        guard !host.isEmpty else { throw XenAPIURLError(text: "\(scheme)://", reason: "the host is missing") }
        let allowed = host.contains(":") ? "0123456789abcdefABCDEF:.%" : "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_"
        if let bad = host.first(where: { !allowed.contains($0) }) {
            throw XenAPIURLError(text: "\(scheme)://\(host)", reason: "\"\(bad)\" cannot appear in a host name; write https://HOST[:PORT]")
        }
        let resolvedPort = port ?? (lowered == "https" ? 443 : 80)
        guard (1...65535).contains(resolvedPort) else {
            throw XenAPIURLError(text: "\(scheme)://\(host):\(resolvedPort)", reason: "the port must be 1–65535")
        }
        self.scheme = lowered
        self.host = host
        self.port = resolvedPort
    }

    /// Parses `scheme://host[:port][/path]`; a bare host means https.
    public init(string: String) throws {
        let text = string.trimmingWhitespace()
        var rest = Substring(text)
        var scheme = "https"
        if let colon = rest.firstIndex(of: ":"), rest[colon...].hasPrefix("://") {
            scheme = String(rest[..<colon])
            rest = rest[rest.index(colon, offsetBy: 3)...]
        } else if rest.contains("/") {
            // `http//host`, `https:/host`: a mistyped scheme, not a bare host with a path.
            throw XenAPIURLError(text: text, reason: "no scheme: write https://HOST[:PORT] or http://HOST[:PORT]")
        }
        if let slash = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) { rest = rest[..<slash] }
        var host: Substring
        var portText: Substring?
        if rest.hasPrefix("[") {
            guard let close = rest.firstIndex(of: "]") else {
                throw XenAPIURLError(text: text, reason: "unclosed [ in the IPv6 address")
            }
            host = rest[rest.index(after: rest.startIndex)..<close]
            let after = rest[rest.index(after: close)...]
            if after.hasPrefix(":") { portText = after.dropFirst() } else if !after.isEmpty {
                throw XenAPIURLError(text: text, reason: "unexpected text after the IPv6 address")
            }
        } else if let colon = rest.lastIndex(of: ":") {
            host = rest[..<colon]
            portText = rest[rest.index(after: colon)...]
        } else {
            host = rest
        }
        var port: Int?
        if let portText {
            guard let number = Int(portText) else {
                throw XenAPIURLError(text: text, reason: "the port \"\(portText)\" is not a number")
            }
            port = number
        }
        do {
            try self.init(scheme: scheme, host: String(host), port: port)
        } catch let error as XenAPIURLError {
            throw XenAPIURLError(text: text, reason: error.reason)
        }
    }

    /// Whether `text` names its scheme (`https://…`); without one, ``init(string:)`` assumes https.
    public static func hasScheme(_ text: String) -> Bool {
        text.trimmingWhitespace().contains("://")
    }

    /// The same scheme and port on another host (used to follow HOST_IS_SLAVE to the master).
    public func replacingHost(_ newHost: String) -> XenAPIURL {
        var host = newHost
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (try? XenAPIURL(scheme: scheme, host: host, port: port)) ?? self
    }

    /// Whether the port is the scheme's default one.
    public var hasDefaultPort: Bool { port == (scheme == "https" ? 443 : 80) }

    /// The host as it appears in a URL: bracketed when it is an IPv6 address.
    public var hostForURL: String { host.contains(":") ? "[\(host)]" : host }

    /// `scheme://host[:port]`, without a trailing slash.
    public var description: String {
        hasDefaultPort ? "\(scheme)://\(hostForURL)" : "\(scheme)://\(hostForURL):\(port)"
    }
}

/// Text that is not a usable xapi URL.
public struct XenAPIURLError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text as given.
    public let text: String
    /// Why it was refused.
    public let reason: String

    /// A readable form for logs and messages.
    public var description: String { "invalid URL \"\(text)\": \(reason)" }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
