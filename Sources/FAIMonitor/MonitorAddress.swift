/// `[ADDR:]PORT` as given to `--fai-monitor` and `--monitor`: the address defaults to every IPv4
/// address (`0.0.0.0`), as `fai-monitor` listens.
public struct MonitorAddress: Sendable, Equatable, CustomStringConvertible {
    /// The address (an IPv4 or IPv6 literal or a host name).
    public var host: String
    /// The TCP port (0: a free one, for tests).
    public var port: Int

    /// Creates an address.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `PORT`, `ADDR:PORT` or `[IPv6]:PORT`; `nil` when malformed.
    public init?(_ text: String, defaultHost: String = "0.0.0.0") {
        var host = defaultHost
        var portText = Substring(text)
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard rest.hasPrefix(":") else { return nil }
            portText = rest.dropFirst()
        } else if let colon = text.lastIndex(of: ":") {
            host = String(text[..<colon])
            portText = text[text.index(after: colon)...]
        }
        guard !host.isEmpty, let port = Int(portText), (0...65535).contains(port) else { return nil }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
