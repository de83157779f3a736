/// Makes guest console bytes safe for the operator's terminal: keeps text, CR, LF, TAB, backspace and
/// basic SGR colour sequences (`ESC [ digits;… m`); drops every other control sequence (cursor moves,
/// title changes, device queries, OSC/DCS strings) and other C0 controls.
///
/// A stateful stream filter: sequences split across chunks are handled. Used when a console is written
/// to a terminal; piped output stays raw.
public struct ConsoleOutputFilter: Sendable {
    private var escapes = EscapeSequenceScanner()

    /// Creates a filter in its ground state.
    public init() {}

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
                switch plain {
                case 0x08, 0x09, 0x0A, 0x0D: output.append(plain)
                case 0x00...0x1F, 0x7F: break
                default: output.append(plain)
                }
            case .controlSequence(UInt8(ascii: "m"), let parameters?)
            where parameters.allSatisfy({ (0x30...0x39).contains($0) || $0 == UInt8(ascii: ";") }):
                output += [0x1B, UInt8(ascii: "[")] + parameters + [UInt8(ascii: "m")]
            case .controlSequence, .consumed:
                break
            }
        }
        return output
    }
}
