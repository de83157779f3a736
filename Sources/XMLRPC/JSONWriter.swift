/// Writes JSON text straight into bytes, laid out as `JSONEncoder` does with `.prettyPrinted`
/// (two-space indents, `"key" : value`) and without escaping `/`: the CLI's listings print thousands of
/// rows, and `JSONEncoder`'s generic encoding costs more than decoding the pool's reply.
///
/// Strings are escaped per RFC 8259 (`"`, `\` and U+0000–U+001F) and, so that JSON printed on a
/// terminal carries no raw control, DEL and the C1 controls U+007F–U+009F too (`\u007f`…); every other
/// scalar is written as UTF-8. Keys are written in the order given: a caller that wants sorted keys
/// writes them sorted.
public struct JSONWriter {
    /// The text written so far (UTF-8).
    public private(set) var bytes: [UInt8] = []
    private var depth = 0
    /// Whether the container being written has no element yet.
    private var isFirst = true
    /// Whether a key was just written (its value follows on the same line).
    private var afterKey = false

    /// An empty writer.
    public init() {}

    /// Writes an array whose elements `body` writes.
    public mutating func array(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "["), close: UInt8(ascii: "]"), body)
    }

    /// Writes an object whose members `body` writes with ``key(_:)`` followed by a value.
    public mutating func object(_ body: (inout JSONWriter) -> Void) {
        container(open: UInt8(ascii: "{"), close: UInt8(ascii: "}"), body)
    }

    /// Writes the key of the next member of the object being written.
    public mutating func key(_ name: String) {
        startElement()
        Self.appendString(name, to: &bytes)
        bytes.append(contentsOf: " : ".utf8)
        afterKey = true
    }

    /// Writes a string value.
    public mutating func string(_ text: String) {
        startElement()
        Self.appendString(text, to: &bytes)
    }

    /// Writes a Boolean value.
    public mutating func bool(_ flag: Bool) {
        startElement()
        bytes.append(contentsOf: (flag ? "true" : "false").utf8)
    }

    /// Writes an array of strings.
    public mutating func strings(_ texts: [String]) {
        array { writer in
            for text in texts { writer.string(text) }
        }
    }

    /// Writes `rows` as an array of objects.
    public mutating func array<Row: JSONWritable>(of rows: [Row]) {
        array { writer in
            for row in rows { row.write(to: &writer) }
        }
    }

    /// Writes `rows` as an array of objects, handing the text to `output` in pieces of about
    /// `pieceSize` bytes as it is written (so the whole text is never held), the last piece included.
    public mutating func array<Row: JSONWritable>(
        of rows: [Row], pieceSize: Int, to output: (_ piece: [UInt8]) -> Void
    ) {
        array { writer in
            for row in rows {
                row.write(to: &writer)
                if writer.bytes.count >= pieceSize { output(writer.takeBytes()) }
            }
        }
        output(takeBytes())
    }

    /// The text written since the last call, which the writer forgets (it goes on where it was).
    public mutating func takeBytes() -> [UInt8] {
        defer { bytes.removeAll(keepingCapacity: true) }
        return bytes
    }

    private mutating func container(open: UInt8, close: UInt8, _ body: (inout JSONWriter) -> Void) {
        startElement()
        bytes.append(open)
        let outerIsFirst = isFirst
        isFirst = true
        depth += 1
        body(&self)
        depth -= 1
        // JSONEncoder writes an empty container as its brackets around an empty line.
        if isFirst { bytes.append(0x0A) }
        newLine()
        bytes.append(close)
        isFirst = outerIsFirst
    }

    /// Before a value or a key: the comma after the previous element and the new line, unless the
    /// value follows its key.
    private mutating func startElement() {
        if afterKey {
            afterKey = false
            return
        }
        guard depth > 0 else { return }
        if !isFirst { bytes.append(UInt8(ascii: ",")) }
        isFirst = false
        newLine()
    }

    private mutating func newLine() {
        bytes.append(0x0A)
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    /// Appends `text` as a JSON string literal: quotes, backslashes and C0 controls escaped as RFC 8259
    /// requires, DEL and C1 controls (U+007F–U+009F) as `\u00XX` so no raw control reaches a terminal.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        var utf8 = text.utf8.makeIterator()
        while let byte = utf8.next() {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
            case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
            case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
            case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
            case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
            case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
            case ..<0x20, 0x7F: appendEscape(byte, to: &bytes)
            case 0xC2:
                // U+0080–U+00BF: the C1 controls among them are escaped.
                guard let next = utf8.next() else { bytes.append(byte); break }
                if next < 0xA0 { appendEscape(next, to: &bytes) } else { bytes.append(byte); bytes.append(next) }
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Appends `\u00XX` for a code point below U+0100.
    private static func appendEscape(_ codePoint: UInt8, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: #"\u00"#.utf8)
        bytes.append(hexDigits[Int(codePoint >> 4)])
        bytes.append(hexDigits[Int(codePoint & 0x0F)])
    }
}

/// A value that writes itself with a ``JSONWriter`` (the CLI's listing rows).
public protocol JSONWritable {
    /// Writes the value (an object, for a row) to `writer`.
    func write(to writer: inout JSONWriter)
}
