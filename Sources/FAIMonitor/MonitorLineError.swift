/// Why a line on the monitor port was dropped.
public enum MonitorLineError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Longer than the limit (the rest of the connection is discarded).
    case tooLong(length: Int)
    /// A control byte (binary data, escape sequences).
    case controlCharacter(UInt8)
    /// Not UTF-8.
    case invalidUTF8
    /// Nothing but spaces.
    case empty
    /// A single word: no message after the send id.
    case noMessage

    public var description: String {
        switch self {
        case .tooLong(let length): "line too long (\(length) bytes or more)"
        case .controlCharacter(let byte): "binary data (byte 0x\(String(byte, radix: 16, uppercase: true)))"
        case .invalidUTF8: "not UTF-8"
        case .empty: "empty line"
        case .noMessage: "no message after the send id"
        }
    }
}
