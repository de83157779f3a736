#if canImport(Glibc)
import Glibc
#endif

/// The log format of FAI's `fai-monitor`: every received line verbatim, optionally prefixed (`-T`)
/// with `strftime("%a %b %e %H:%M:%S %Y - ")`, plus its own notes such as
/// `<ip>:<port>: No data or timeout.`, so that tools reading `fai-monitor`'s log read xsfai's.
public struct MonitorLogFormat: Sendable, Equatable {
    /// Whether lines carry `-T` timestamps.
    public var timestamps: Bool
    /// Whether timestamps are UTC (`fai-monitor -Z`) instead of local time.
    public var utc: Bool

    /// `fai-monitor`'s default timestamp format (`-f`).
    public static let timestampFormat = "%a %b %e %H:%M:%S %Y"

    /// Creates a format.
    public init(timestamps: Bool = true, utc: Bool = false) {
        self.timestamps = timestamps
        self.utc = utc
    }

    /// The log line for a received line (given without its newline).
    public func received(_ line: String, at seconds: Int) -> String {
        prefix(at: seconds) + line + "\n"
    }

    /// `fai-monitor`'s note for a connection that sent nothing in time.
    public func noData(peer: String, at seconds: Int) -> String {
        prefix(at: seconds) + "\(peer): No data or timeout.\n"
    }

    /// xsfai's note for a dropped line or connection, in the same `<peer>: …` shape.
    public func dropped(peer: String, reason: String, at seconds: Int) -> String {
        prefix(at: seconds) + "\(peer): dropped: \(reason)\n"
    }

    /// `fai-monitor`'s start lines.
    public func started(port: Int, pid: Int32, at seconds: Int) -> String {
        prefix(at: seconds) + "FAI monitoring daemon starting..\n"
            + prefix(at: seconds) + "FAI monitoring daemon started on port \(port) with pid \(pid)\n"
    }

    /// The timestamp prefix at `seconds` since the epoch, or "" without timestamps.
    public func prefix(at seconds: Int) -> String {
        guard timestamps else { return "" }
        var time = time_t(seconds)
        var parts = tm()
        if utc { gmtime_r(&time, &parts) } else { localtime_r(&time, &parts) }
        var buffer = [CChar](repeating: 0, count: 64)
        let count = strftime(&buffer, buffer.count, Self.timestampFormat, &parts)
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) + " - "
    }

    /// The received line in a log line of `fai-monitor` (with or without `-T` timestamps), or `nil`
    /// for the daemon's own notes (start lines, `No data or timeout.`, dropped input, signals).
    public static func receivedLine(inLogLine logLine: String) -> String? {
        var line = Substring(logLine)
        if line.hasSuffix("\n") { line.removeLast() }
        if let dash = timestampEnd(line) { line = line[dash...] }
        if line.hasPrefix("FAI monitoring daemon ") || line.hasPrefix("Caught deadly signal ")
            || line.hasPrefix("Pidfile ") || line.isEmpty
        {
            return nil
        }
        if let colon = line.firstIndex(of: ":"), isPeerNote(line, colon: colon) { return nil }
        return String(line)
    }

    /// The time (seconds since the epoch) of a log line's `-T` timestamp, read as this format's zone.
    public func timestamp(inLogLine logLine: String) -> Int? {
        let line = Substring(logLine)
        guard let end = Self.timestampEnd(line) else { return nil }
        // "Www Mmm dd hh:mm:ss yyyy": the shape was checked by timestampEnd.
        let fields = line[..<end].dropLast(3).split(separator: " ")
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let clock = fields[3].split(separator: ":").compactMap { Int32($0) }
        guard fields.count == 5, let month = months.firstIndex(of: String(fields[1])), let day = Int32(fields[2]),
              clock.count == 3, let year = Int32(fields[4])
        else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = Int32(month)
        parts.tm_mday = day
        parts.tm_hour = clock[0]
        parts.tm_min = clock[1]
        parts.tm_sec = clock[2]
        parts.tm_isdst = -1
        return Int(utc ? timegm(&parts) : mktime(&parts))
    }

    /// The index after a `Www Mmm dd hh:mm:ss yyyy - ` prefix, if the line has one.
    private static func timestampEnd(_ line: Substring) -> Substring.Index? {
        let bytes = Array(line.utf8.prefix(27))
        guard bytes.count == 27 else { return nil }
        func letter(_ i: Int) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "z")).contains(bytes[i]) }
        func digit(_ i: Int) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) }
        func char(_ i: Int, _ c: Character) -> Bool { bytes[i] == c.asciiValue! }
        let shape = (0..<3).allSatisfy(letter) && char(3, " ") && (4..<7).allSatisfy(letter) && char(7, " ")
            && (digit(8) || char(8, " ")) && digit(9) && char(10, " ") && digit(11) && digit(12) && char(13, ":")
            && digit(14) && digit(15) && char(16, ":") && digit(17) && digit(18) && char(19, " ")
            && (20..<24).allSatisfy(digit) && char(24, " ") && char(25, "-") && char(26, " ")
        return shape ? line.utf8.index(line.startIndex, offsetBy: 27) : nil
    }

    /// Whether the line is a daemon note `<ip>:<port>: …`.
    private static func isPeerNote(_ line: Substring, colon: Substring.Index) -> Bool {
        guard let space = line.firstIndex(of: " "), space > colon else { return false }
        let peer = line[..<space]
        guard peer.hasSuffix(":") else { return false }
        let rest = line[line.index(after: space)...]
        return rest.hasPrefix("No data or timeout.") || rest.hasPrefix("dropped: ")
            || rest.hasPrefix("Disabling pxelinux configuration")
    }
}
