/// Makes guest console bytes safe for the operator's terminal: keeps text, CR, LF, TAB, backspace and
/// basic SGR colour sequences (`ESC [ digits;… m`); drops every other control sequence (cursor moves,
/// title changes, device queries, OSC/DCS strings), other C0 controls and DEL, and the C1 controls a
/// terminal may act on as 8-bit controls: U+0080–U+009F in UTF-8 are dropped, and bytes that are not
/// valid UTF-8 (a raw 0x9B CSI, 0x9D OSC…) become U+FFFD, so nothing 0x80–0x9F reaches the terminal
/// except as a continuation byte of a valid character.
///
/// A stateful stream filter: sequences split across chunks are handled. Used when a console is written
/// to a terminal; piped output stays raw.
/// In ``Mode/plainText`` (capture files) colours, carriage returns and backspaces go too, leaving lines
/// of text.
public struct ConsoleOutputFilter: Sendable {
    /// What the output is for.
    public enum Mode: Sendable {
        /// A terminal: text, CR, LF, TAB, backspace and plain SGR colours.
        case terminal
        /// A capture file: text, LF and TAB only.
        case plainText
    }

    /// What the output is for.
    public let mode: Mode
    private var escapes = EscapeSequenceScanner()
    /// The bytes of a UTF-8 sequence begun but not complete yet (it may span chunks).
    private var partial: [UInt8] = []
    /// How many bytes the sequence in `partial` needs in all.
    private var partialLength = 0

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Creates a filter in its ground state.
    public init(mode: Mode = .terminal) {
        self.mode = mode
    }

    /// The bytes of `chunk` that may reach a terminal.
    public mutating func filter<Bytes: Sequence>(_ chunk: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        // A concrete loop: a generic one called from another module runs unspecialized per byte.
        chunk.withContiguousStorageIfAvailable { filter(contiguous: $0) }
            ?? Array(chunk).withUnsafeBufferPointer { filter(contiguous: $0) }
    }

    private mutating func filter(contiguous chunk: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(chunk.count)
        for byte in chunk {
            switch escapes.scan(byte) {
            case .byte(let plain):
                if plain < 0x80, !partial.isEmpty { abandonPartial(into: &output) }
                switch plain {
                case 0x09, 0x0A: output.append(plain)
                case 0x08, 0x0D: if mode == .terminal { output.append(plain) }
                case 0x00...0x1F, 0x7F: break
                case 0x20...0x7E: output.append(plain)
                default: decodeUTF8(plain, into: &output)
                }
            case .controlSequence(UInt8(ascii: "m"), let parameters?)
            where mode == .terminal && parameters.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ";") }):
                output += [0x1B, UInt8(ascii: "[")] + parameters + [UInt8(ascii: "m")]
            case .controlSequence, .consumed:
                break
            }
        }
        return output
    }

    /// A UTF-8 sequence cut short: U+FFFD in its place.
    private mutating func abandonPartial(into output: inout [UInt8]) {
        output += Self.replacement
        partial.removeAll(keepingCapacity: true)
    }

    /// Adds one byte 0x80–0xFF of text: a complete valid character is written unless it is a C1
    /// control; anything invalid becomes U+FFFD.
    private mutating func decodeUTF8(_ byte: UInt8, into output: inout [UInt8]) {
        if !partial.isEmpty {
            if Self.continues(partial, with: byte) {
                partial.append(byte)
                if partial.count == partialLength {
                    let isC1 = partial[0] == 0xC2 && partial[1] <= 0x9F
                    if !isC1 { output += partial }
                    partial.removeAll(keepingCapacity: true)
                }
                return
            }
            abandonPartial(into: &output)
        }
        switch byte {
        case 0xC2...0xDF: begin(byte, length: 2)
        case 0xE0...0xEF: begin(byte, length: 3)
        case 0xF0...0xF4: begin(byte, length: 4)
        default: output += Self.replacement
        }
    }

    private mutating func begin(_ lead: UInt8, length: Int) {
        partial.append(lead)
        partialLength = length
    }

    /// Whether `byte` may follow `partial` in well-formed UTF-8 (no overlongs, surrogates, > U+10FFFF).
    private static func continues(_ partial: [UInt8], with byte: UInt8) -> Bool {
        guard partial.count == 1 else { return (0x80...0xBF).contains(byte) }
        switch partial[0] {
        case 0xE0: return (0xA0...0xBF).contains(byte)
        case 0xED: return (0x80...0x9F).contains(byte)
        case 0xF0: return (0x90...0xBF).contains(byte)
        case 0xF4: return (0x80...0x8F).contains(byte)
        default: return (0x80...0xBF).contains(byte)
        }
    }
}
