/// Turns a raw console byte stream into cleaned text lines (fai-console.md P1).
///
/// Bytes may arrive in any chunking: the result depends only on the byte sequence. The assembler
/// splits on LF, drops escape sequences (CSI, OSC/DCS/SOS/PM/APC strings up to BEL or ST,
/// `ESC ( x` and other `ESC` + intermediates + final forms, two-byte `ESC x` such as `ESC c`) and
/// C0 controls except TAB, keeps only the text after the last CR of a line, applies BS to the
/// previous character and trims trailing blanks. UTF-8 split across chunks is reassembled because a
/// line is decoded only when complete. Memory is bounded: a line keeps at most `maximumLineBytes`.
///
/// A string state (OSC and friends) that is never terminated ends at the next LF, so one broken
/// sequence cannot swallow the rest of the install.
public struct ConsoleLineAssembler: Sendable {
    /// The longest line kept, in bytes; further bytes of a longer line are dropped.
    public let maximumLineBytes: Int

    private var escapes = EscapeSequenceScanner()
    private var buffer: [UInt8] = []
    private var carriageReturnPending = false
    private var lineCompleted = false
    private var completedEnd = 0
    /// Time of the last byte received, in the caller's seconds; `nil` before the first byte.
    public private(set) var lastByteTime: Double?

    /// Creates an assembler.
    /// - Parameter maximumLineBytes: the cap on one line's length (default 4 KiB).
    public init(maximumLineBytes: Int = 4096) {
        self.maximumLineBytes = max(16, maximumLineBytes)
        buffer.reserveCapacity(256)
    }

    /// The text received after the last LF, cleaned like a complete line (prompts never end in LF).
    public var pendingLine: String {
        String(decoding: pendingLineBytes, as: UTF8.self)
    }

    /// The pending partial line as cleaned UTF-8 bytes, trailing blanks removed.
    public var pendingLineBytes: ArraySlice<UInt8> {
        lineCompleted ? [] : buffer[..<Self.trimmedEnd(of: buffer)]
    }

    /// Feeds bytes and returns the complete lines they finished.
    /// - Parameters:
    ///   - bytes: the next bytes of the stream, in any chunking.
    ///   - time: when they arrived, in seconds on the caller's clock.
    /// - Returns: the completed, cleaned lines in order.
    public mutating func append<Bytes: Sequence>(_ bytes: Bytes, at time: Double) -> [String]
    where Bytes.Element == UInt8 {
        var lines: [String] = []
        append(bytes, at: time) { line in lines.append(String(decoding: line, as: UTF8.self)) }
        return lines
    }

    /// Feeds bytes and hands each completed line to `body` as cleaned UTF-8 bytes.
    /// - Parameters:
    ///   - bytes: the next bytes of the stream, in any chunking.
    ///   - time: when they arrived, in seconds on the caller's clock.
    ///   - body: called once per completed line, in order.
    public mutating func append<Bytes: Sequence>(
        _ bytes: Bytes, at time: Double, lines body: (ArraySlice<UInt8>) -> Void
    ) where Bytes.Element == UInt8 {
        var sawByte = false
        for byte in bytes {
            sawByte = true
            if push(byte) { body(completedLine) }
        }
        if sawByte { noteTime(time) }
    }

    /// The line completed by the last ``push(_:)`` that returned `true`.
    var completedLine: ArraySlice<UInt8> { buffer[..<completedEnd] }

    /// Records the arrival time of the bytes just pushed.
    mutating func noteTime(_ time: Double) {
        lastByteTime = time
    }

    /// Feeds one byte; returns `true` when it completed a line (read it from ``completedLine``
    /// before the next push).
    @inline(__always)
    mutating func push(_ byte: UInt8) -> Bool {
        if lineCompleted {
            buffer.removeAll(keepingCapacity: true)
            lineCompleted = false
        }
        consume(byte)
        return lineCompleted
    }

    private mutating func consume(_ byte: UInt8) {
        if case .byte(let plain) = escapes.scan(byte) { ground(plain) }
    }

    private mutating func ground(_ byte: UInt8) {
        switch byte {
        case 0x0A:
            completedEnd = Self.trimmedEnd(of: buffer)
            lineCompleted = true
            carriageReturnPending = false
        case 0x0D:
            carriageReturnPending = true
        case 0x08:
            if !carriageReturnPending { removeLastCharacter() }
        case 0x09:
            store(byte)
        case 0x00...0x1F, 0x7F:
            break
        default:
            store(byte)
        }
    }

    private mutating func store(_ byte: UInt8) {
        if carriageReturnPending {
            // Text after a CR overwrites the line from column 0: keep only what follows the last CR.
            buffer.removeAll(keepingCapacity: true)
            carriageReturnPending = false
        }
        if buffer.count < maximumLineBytes { buffer.append(byte) }
    }

    private mutating func removeLastCharacter() {
        // Drop UTF-8 continuation bytes, then the lead byte, so BS removes one character.
        while let last = buffer.last, last & 0xC0 == 0x80 { buffer.removeLast() }
        if !buffer.isEmpty { buffer.removeLast() }
    }

    private static func trimmedEnd(of bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
        return end
    }
}
