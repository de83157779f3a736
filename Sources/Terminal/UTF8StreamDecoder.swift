/// Decodes UTF-8 one byte at a time, carrying a partial sequence across calls (and so across chunks).
///
/// Follows the WHATWG decoder: overlong forms, surrogates and values above U+10FFFF are invalid; each
/// maximal invalid subsequence becomes one U+FFFD.
struct UTF8StreamDecoder {
    /// What one byte produced.
    enum Output {
        /// Nothing yet: the byte continues a sequence.
        case pending
        /// A complete scalar.
        case scalar(UInt32)
        /// An invalid byte: emit U+FFFD.
        case replacement
        /// The pending sequence was cut short by this byte: emit U+FFFD, then feed the byte again.
        case replacementThenRetry
    }

    static let replacementCharacter: UInt32 = 0xFFFD

    private var partial: UInt32 = 0
    private var needed = 0
    private var lowerBound: UInt8 = 0x80
    private var upperBound: UInt8 = 0xBF

    /// Whether no sequence is in progress.
    var isIdle: Bool { needed == 0 }

    mutating func feed(_ byte: UInt8) -> Output {
        if needed == 0 {
            switch byte {
            case 0x00...0x7F:
                return .scalar(UInt32(byte))
            case 0xC2...0xDF:
                needed = 1
                partial = UInt32(byte & 0x1F)
            case 0xE0...0xEF:
                if byte == 0xE0 { lowerBound = 0xA0 }
                if byte == 0xED { upperBound = 0x9F }
                needed = 2
                partial = UInt32(byte & 0x0F)
            case 0xF0...0xF4:
                if byte == 0xF0 { lowerBound = 0x90 }
                if byte == 0xF4 { upperBound = 0x8F }
                needed = 3
                partial = UInt32(byte & 0x07)
            default:
                return .replacement
            }
            return .pending
        }
        guard byte >= lowerBound && byte <= upperBound else {
            reset()
            return .replacementThenRetry
        }
        lowerBound = 0x80
        upperBound = 0xBF
        partial = partial << 6 | UInt32(byte & 0x3F)
        needed -= 1
        if needed > 0 { return .pending }
        let scalar = partial
        partial = 0
        return .scalar(scalar)
    }

    /// Abandons a pending sequence; returns whether there was one (the caller emits U+FFFD for it).
    mutating func flush() -> Bool {
        guard needed > 0 else { return false }
        reset()
        return true
    }

    private mutating func reset() {
        partial = 0
        needed = 0
        lowerBound = 0x80
        upperBound = 0xBF
    }
}
