/// The kernel arguments that make an FAI install client report to a monitor (fai-monitor.md): on a
/// booted client every `NAME=value` word of the command line becomes a variable, so PV-args carry
/// `monserver=ADDR FAI_MONITOR_PORT=PORT FAI_SENDID=mac`.
public struct MonitorKernelArguments: Sendable, Hashable, Codable {
    /// The monitor's address as the install network reaches it.
    public var server: String
    /// Its port (FAI's default 4711).
    public var port: Int
    /// `FAI_SENDID`: `mac` (the MAC of the first NIC, matched to the VM's VIFs), `host` or `pxe`.
    public var sendID: String

    /// The variable names these arguments set.
    public static let names = ["monserver", "FAI_MONITOR_PORT", "FAI_SENDID"]

    /// Creates the arguments.
    public init(server: String, port: Int, sendID: String = "mac") {
        self.server = server
        self.port = port
        self.sendID = sendID
    }

    /// Parses `ADDR:PORT` (`--monitor`, the profile's `monitor`); `nil` when malformed.
    public init?(address: String, sendID: String = "mac") {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
              (1...65535).contains(port)
        else { return nil }
        var server = String(address[..<colon])
        if server.hasPrefix("[") && server.hasSuffix("]") { server = String(server.dropFirst().dropLast()) }
        guard !server.isEmpty, !server.contains(" ") else { return nil }
        self.init(server: server, port: port, sendID: sendID)
    }

    /// The words added to PV-args.
    public var words: [String] { ["monserver=\(server)", "FAI_MONITOR_PORT=\(port)", "FAI_SENDID=\(sendID)"] }

    /// `pvArgs` with any earlier monitor words replaced by these (other words kept in order).
    public func applied(to pvArgs: String) -> String {
        let kept = pvArgs.split(separator: " ", omittingEmptySubsequences: true).filter { word in
            !Self.names.contains { word.hasPrefix($0 + "=") }
        }.map(String.init)
        return (kept + words).joined(separator: " ")
    }
}
