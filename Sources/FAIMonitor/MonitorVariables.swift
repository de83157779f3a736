/// The values `VARIABLE <NAME>` queries are answered with, as `fai-monitor` reads them from
/// `/var/log/fai/variables`: `NAME=value` lines, `#` comments; everything else is ignored.
public struct MonitorVariables: Sendable, Equatable {
    /// The values by name.
    public var values: [String: String]

    /// Creates a set of values.
    public init(_ values: [String: String] = [:]) { self.values = values }

    /// Parses a variables file's text.
    public init(fileText: String) {
        var values: [String: String] = [:]
        for line in fileText.split(separator: "\n") where !line.hasPrefix("#") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = line[..<equals]
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }), name.allSatisfy(\.isASCII)
            else { continue }
            values[String(name)] = String(line[line.index(after: equals)...])
        }
        self.values = values
    }

    /// The reply to `VARIABLE name`: `OK <value>\n` or `UNKNOWN <name>\n`.
    public func reply(to name: String) -> String {
        values[name].map { "OK \($0)\n" } ?? "UNKNOWN \(name)\n"
    }
}
