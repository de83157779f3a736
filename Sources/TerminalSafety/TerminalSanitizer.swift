/// Makes text from a pool or a guest safe to write to the operator's terminal.
///
/// A VM name-label, a XenAPI `ErrorDescription`, an HTTP error body or a console line can hold escape
/// sequences that a terminal would act on (set the title, write the clipboard with OSC 52, clear the
/// screen). Every such string passes through here before it is printed or drawn; the result shows each
/// control as a visible escape instead:
///
/// | input | shown as |
/// |---|---|
/// | ESC (0x1B) | `\e` |
/// | other C0 controls except tab and newline, DEL (0x7F) | `\xNN` (e.g. `\x07`, `\x7f`) |
/// | C1 controls U+0080–U+009F (UTF-8 `C2 80`–`C2 9F`) | `\xNN` (e.g. `\x9b`) |
/// | a raw byte 0x80–0x9F outside valid UTF-8 (``sanitized(bytes:)``) | `\xNN` |
/// | any other invalid UTF-8 (``sanitized(bytes:)``) | U+FFFD `�` |
///
/// Tab and newline are kept (multi-line messages stay multi-line); everything else, including the
/// backslash, is kept as is. Use ``sanitized(_:keepingNewlines:)`` for one table cell or status line,
/// with `keepingNewlines: false`, so a name cannot break the table's rows either.
public enum TerminalSanitizer {
    /// `text` with every terminal control replaced by a visible escape (see the type's table).
    /// - Parameter keepingNewlines: false also shows tab and newline as `\t` and `\n` (one-line fields).
    public static func sanitized(_ text: some StringProtocol, keepingNewlines: Bool = true) -> String {
        if isSafe(text, keepingNewlines: keepingNewlines) { return String(text) }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            appendVisible(scalar, to: &result, keepingNewlines: keepingNewlines)
        }
        return result
    }

    /// `bytes` decoded as UTF-8 and made safe: controls as visible escapes, a stray byte 0x80–0x9F as
    /// `\xNN`, any other invalid sequence as U+FFFD.
    public static func sanitized(bytes: some Collection<UInt8>, keepingNewlines: Bool = true) -> String {
        let bytes = Array(bytes)
        var result = ""
        result.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let (scalar, length) = scalar(in: bytes, at: index) {
                appendVisible(scalar, to: &result, keepingNewlines: keepingNewlines)
                index += length
            } else {
                let byte = bytes[index]
                if (0x80...0x9F).contains(byte) { result += hex(byte) } else { result.unicodeScalars.append("\u{FFFD}") }
                index += 1
            }
        }
        return result
    }

    /// Whether `text` holds nothing a terminal would act on (fast path: no copy needed).
    public static func isSafe(_ text: some StringProtocol, keepingNewlines: Bool = true) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case 0x09, 0x0A: if !keepingNewlines { return false }
            case 0x00...0x1F, 0x7F: return false
            case 0x80...0x9F where previous == 0xC2: return false
            default: break
            }
            previous = byte
        }
        return true
    }

    private static func appendVisible(_ scalar: Unicode.Scalar, to result: inout String, keepingNewlines: Bool) {
        switch scalar.value {
        case 0x09: result += keepingNewlines ? "\t" : "\\t"
        case 0x0A: result += keepingNewlines ? "\n" : "\\n"
        case 0x0D: result += "\\r"
        case 0x1B: result += "\\e"
        case 0x00...0x1F, 0x7F...0x9F: result += hex(UInt8(scalar.value))
        default: result.unicodeScalars.append(scalar)
        }
    }

    /// The well-formed UTF-8 scalar starting at `index` and its length in bytes, or nil (RFC 3629:
    /// no overlong forms, no surrogates, nothing above U+10FFFF).
    private static func scalar(in bytes: [UInt8], at index: Int) -> (Unicode.Scalar, Int)? {
        let lead = bytes[index]
        let length: Int
        let secondRange: ClosedRange<UInt8>
        switch lead {
        case 0x00...0x7F: return (Unicode.Scalar(lead), 1)
        case 0xC2...0xDF: (length, secondRange) = (2, 0x80...0xBF)
        case 0xE0: (length, secondRange) = (3, 0xA0...0xBF)
        case 0xED: (length, secondRange) = (3, 0x80...0x9F)
        case 0xE1...0xEF: (length, secondRange) = (3, 0x80...0xBF)
        case 0xF0: (length, secondRange) = (4, 0x90...0xBF)
        case 0xF4: (length, secondRange) = (4, 0x80...0x8F)
        case 0xF1...0xF3: (length, secondRange) = (4, 0x80...0xBF)
        default: return nil
        }
        guard index + length <= bytes.count, secondRange.contains(bytes[index + 1]) else { return nil }
        var value = UInt32(lead) & (0xFF >> (length + 1))
        for offset in 1..<length {
            let byte = bytes[index + offset]
            guard offset == 1 || (0x80...0xBF).contains(byte) else { return nil }
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return Unicode.Scalar(value).map { ($0, length) }
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return "\\x" + String(digits[Int(byte >> 4)]) + String(digits[Int(byte & 0x0F)])
    }
}
