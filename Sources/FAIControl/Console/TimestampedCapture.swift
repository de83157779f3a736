import Foundation

/// Turns a console byte stream into a capture file's bytes: each line starts with the UTC time its
/// first byte arrived (`2026-11-27T02:50:01.123Z `), bytes otherwise unchanged.
public struct TimestampedCapture: Sendable {
    private var atLineStart = true

    /// Creates a capture at the start of a line.
    public init() {}

    /// The file bytes for `chunk`, received at `time`.
    public mutating func append<Bytes: Sequence>(_ chunk: Bytes, at time: Date) -> [UInt8] where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        var stamp: [UInt8]?
        for byte in chunk {
            if atLineStart {
                if stamp == nil { stamp = Array((Self.format(time) + " ").utf8) }
                output += stamp ?? []
                atLineStart = false
            }
            output.append(byte)
            if byte == 0x0A { atLineStart = true }
        }
        return output
    }

    /// A marker line (e.g. `--- console 2 attached ---`) stamped at `time`, starting a fresh line.
    public mutating func marker(_ text: String, at time: Date) -> [UInt8] {
        var output: [UInt8] = atLineStart ? [] : [0x0A]
        output += Array("\(Self.format(time)) --- \(text) ---\n".utf8)
        atLineStart = true
        return output
    }

    static func format(_ time: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: time)
    }
}
