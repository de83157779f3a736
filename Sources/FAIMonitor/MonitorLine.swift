/// One line received by the monitor port, parsed: a client's report or a `VARIABLE` query.
public enum MonitorLine: Sendable, Equatable {
    /// `<sendid> <message>` from an install client.
    case report(sender: String, message: MonitorMessage)
    /// `VARIABLE <NAME>`: answered `OK <value>` or `UNKNOWN <NAME>`.
    case variableQuery(name: String)

    /// The longest line accepted, in bytes (FAI's lines are a send id and a few words).
    public static let defaultMaximumLength = 4096

    /// Parses one line (without its `\n`; a trailing `\r` is dropped). Refuses control characters,
    /// invalid UTF-8, over-long and empty lines: the monitor port is open to the install network.
    public static func parse(_ bytes: some Collection<UInt8>, maximumLength: Int = defaultMaximumLength)
        -> Result<MonitorLine, MonitorLineError>
    {
        var line = Array(bytes)
        if line.last == UInt8(ascii: "\r") { line.removeLast() }
        guard line.count <= maximumLength else { return .failure(.tooLong(length: line.count)) }
        if let bad = line.first(where: { $0 < 0x20 && $0 != UInt8(ascii: "\t") || $0 == 0x7F }) {
            return .failure(.controlCharacter(bad))
        }
        guard let text = String(validating: line, as: UTF8.self) else { return .failure(.invalidUTF8) }
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { return .failure(.empty) }
        if let name = trimmed.wordAfter("VARIABLE ") { return .success(.variableQuery(name: name)) }
        guard let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) else {
            return .failure(.noMessage)
        }
        let sender = String(trimmed[..<space])
        let message = String(trimmed[space...]).trimmingSpaces()
        return .success(.report(sender: sender, message: MonitorMessage(text: message)))
    }
}

extension String {
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// The text after `prefix` when it is one non-empty word.
    func wordAfter(_ prefix: String) -> String? {
        guard hasPrefix(prefix) else { return nil }
        let rest = String(dropFirst(prefix.count)).trimmingSpaces()
        return rest.isEmpty || rest.contains(" ") ? nil : rest
    }
}
