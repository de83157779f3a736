/// Makes guest console bytes safe for the operator's terminal: keeps text, CR, LF, TAB, backspace and
/// basic SGR colour sequences (`ESC [ digits;… m`); drops every other control sequence (cursor moves,
/// title changes, device queries, OSC/DCS strings) and other C0 controls.
///
/// A stateful stream filter: sequences split across chunks are handled. Used when a console is written
/// to a terminal; piped output stays raw.
public struct ConsoleOutputFilter: Sendable {
    private enum State: Sendable {
        case ground
        case escape
        case csi
        case string
        case stringEscape
    }

    private var state = State.ground
    private var sequence: [UInt8] = []
    private static let maximumSequence = 32

    /// Creates a filter in its ground state.
    public init() {}

    /// The bytes of `chunk` that may reach a terminal.
    public mutating func filter<Bytes: Sequence>(_ chunk: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var output: [UInt8] = []
        for byte in chunk { step(byte, into: &output) }
        return output
    }

    private mutating func step(_ byte: UInt8, into output: inout [UInt8]) {
        switch state {
        case .ground:
            switch byte {
            case 0x1B: state = .escape
            case 0x08, 0x09, 0x0A, 0x0D: output.append(byte)
            case 0x00...0x1F, 0x7F: break
            default: output.append(byte)
            }
        case .escape:
            switch byte {
            case UInt8(ascii: "["):
                state = .csi
                sequence = [0x1B, byte]
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                state = .string
            case 0x20...0x2F:
                break  // intermediate: the final byte follows and is dropped with it
            default:
                state = .ground
            }
        case .csi:
            sequence.append(byte)
            if (0x40...0x7E).contains(byte) {
                let body = sequence.dropFirst(2).dropLast()
                let isSGR = byte == UInt8(ascii: "m")
                    && body.allSatisfy { (0x30...0x39).contains($0) || $0 == UInt8(ascii: ";") }
                if isSGR && sequence.count <= Self.maximumSequence { output += sequence }
                state = .ground
                sequence = []
            } else if byte == 0x1B {
                state = .escape
                sequence = []
            }
        case .string:
            if byte == 0x07 { state = .ground } else if byte == 0x1B { state = .stringEscape }
        case .stringEscape:
            state = byte == UInt8(ascii: "\\") ? .ground : .string
        }
    }
}
