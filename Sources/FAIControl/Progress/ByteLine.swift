/// A cleaned console line as UTF-8 bytes, with the few matching operations the FAI patterns need.
///
/// Hand-written matching instead of `Regex`: the classifier runs on every console line of every
/// watched VM, and prefix checks on bytes are one to two orders of magnitude faster.
struct ByteLine {
    var bytes: ArraySlice<UInt8>

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
    }

    var isEmpty: Bool { bytes.isEmpty }

    var first: UInt8? { bytes.first }

    /// The line decoded as text (invalid UTF-8 becomes U+FFFD).
    var string: String { String(decoding: bytes, as: UTF8.self) }

    func hasPrefix(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { pattern in
            bytes.count >= pattern.count && bytes.prefix(pattern.count).elementsEqual(pattern)
        }
    }

    func hasSuffix(_ suffix: StaticString) -> Bool {
        suffix.withUTF8Buffer { pattern in
            bytes.count >= pattern.count && bytes.suffix(pattern.count).elementsEqual(pattern)
        }
    }

    /// The rest of the line after `prefix`, or `nil` when the line does not start with it.
    func after(_ prefix: StaticString) -> ByteLine? {
        guard hasPrefix(prefix) else { return nil }
        return ByteLine(bytes.dropFirst(prefix.utf8CodeUnitCount))
    }

    /// The line without `suffix`, or `nil` when it does not end with it.
    func before(_ suffix: StaticString) -> ByteLine? {
        guard hasSuffix(suffix) else { return nil }
        return ByteLine(bytes.dropLast(suffix.utf8CodeUnitCount))
    }

    /// Whether `needle` occurs anywhere in the line.
    func contains(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { pattern in
            guard let lead = pattern.first, bytes.count >= pattern.count else { return false }
            var index = bytes.startIndex
            let lastStart = bytes.endIndex - pattern.count
            while index <= lastStart {
                if bytes[index] == lead, bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    /// The line without leading blanks.
    var trimmingLeadingBlanks: ByteLine {
        ByteLine(bytes.drop(while: { $0 == 0x20 || $0 == 0x09 }))
    }

    /// The leading run of non-blank bytes and the rest after it (rest starts at the blank).
    var splitAtFirstBlank: (token: ByteLine, rest: ByteLine) {
        let end = bytes.firstIndex(where: { $0 == 0x20 || $0 == 0x09 }) ?? bytes.endIndex
        return (ByteLine(bytes[..<end]), ByteLine(bytes[end...]))
    }

    /// Whether the whole line is a non-negative decimal number.
    var isDecimal: Bool { !bytes.isEmpty && bytes.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }

    /// The whole line as a decimal number (saturating at `Int.max / 10` digits), or `nil`.
    var decimal: Int? {
        guard isDecimal else { return nil }
        var value = 0
        for byte in bytes {
            let (times, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = times + Int(byte - 0x30)
        }
        return value
    }

    /// The leading decimal number and the rest, or `nil` when the line does not start with a digit.
    var leadingDecimal: (value: Int, rest: ByteLine)? {
        let end = bytes.firstIndex(where: { $0 < 0x30 || $0 > 0x39 }) ?? bytes.endIndex
        guard end > bytes.startIndex, let value = ByteLine(bytes[..<end]).decimal else { return nil }
        return (value, ByteLine(bytes[end...]))
    }

    /// The line with the printk time stamp `[    1.234567] ` and a `printk: ` prefix removed.
    var strippingKernelPrefixes: ByteLine {
        var line = self
        if line.first == 0x5B, let close = line.bytes.firstIndex(of: 0x5D) {
            let inside = ByteLine(line.bytes[(line.bytes.startIndex + 1)..<close]).trimmingLeadingBlanks
            let isTime = !inside.isEmpty && inside.bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
            let next = close + 1
            if isTime, next < line.bytes.endIndex, line.bytes[next] == 0x20 {
                line = ByteLine(line.bytes[(next + 1)...])
            }
        }
        return line.after("printk: ") ?? line
    }

    /// Whether the line is a task name as FAI spells them: `[a-z_]+`.
    var isTaskName: Bool {
        !bytes.isEmpty && bytes.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x5F }
    }
}
