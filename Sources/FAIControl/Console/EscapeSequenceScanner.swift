/// Separates a console byte stream into plain bytes and escape sequences (ECMA-48 syntax, after
/// Williams' DEC parser), one byte at a time, so every chunking gives the same result.
///
/// Shared by the two readers of raw guest output that must never pass sequences on blindly: the FAI
/// line assembler (drops them all) and the console output filter (keeps plain SGR). Recognised forms:
/// CSI (`ESC [` parameters, intermediates, final 0x40–0x7E), strings (`ESC ]`, `ESC P`, `ESC X`,
/// `ESC ^`, `ESC _` up to BEL or ST), `ESC` + intermediates + final (`ESC ( B`) and two-byte `ESC x`.
/// CAN and SUB abort a sequence; other C0 bytes inside one still execute (as on a VT100), and LF also
/// ends it, so one broken sequence cannot swallow the rest of an install log.
public struct EscapeSequenceScanner: Sendable {
    /// What one byte turned out to be.
    public enum Event: Sendable, Equatable {
        /// A byte outside any sequence (text or a C0 control other than ESC, CAN and SUB), to act on.
        case byte(UInt8)
        /// A complete CSI sequence; `parameters` holds the bytes between `ESC [` and the final byte,
        /// or `nil` when they exceeded ``maximumParameterBytes``.
        case controlSequence(final: UInt8, parameters: [UInt8]?)
        /// Part of a sequence: nothing to act on.
        case consumed
    }

    /// The longest CSI parameter string kept for ``Event/controlSequence(final:parameters:)``.
    public static let maximumParameterBytes = 64

    private enum State: Sendable {
        case ground
        /// After ESC: the next byte says which kind of sequence follows.
        case escape
        /// `ESC` + intermediates (0x20–0x2F), waiting for the final byte.
        case escapeIntermediate
        /// `ESC [`: parameters and intermediates until a final byte.
        case controlSequence
        /// A string ended by BEL or ST (`ESC \`).
        case string
        /// ESC inside a string: `\` ends it, anything else starts a new escape.
        case stringEscape
    }

    private var state = State.ground
    private var parameters: [UInt8] = []
    private var parametersOverflowed = false

    /// Creates a scanner in its ground state.
    public init() {}

    /// Classifies the next byte of the stream.
    public mutating func scan(_ byte: UInt8) -> Event {
        switch state {
        case .ground:
            return ground(byte)
        case .escape:
            switch byte {
            case 0x5B:  // [
                state = .controlSequence
                parameters.removeAll(keepingCapacity: true)
                parametersOverflowed = false
            case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string  // ] P X ^ _
            case 0x20...0x2F: state = .escapeIntermediate
            case 0x1B: break
            case 0x00...0x1F: return executeInside(byte)
            default: state = .ground  // two-byte ESC x (ESC c, ESC 7, ESC M …)
            }
        case .escapeIntermediate:
            switch byte {
            case 0x20...0x2F: break
            case 0x1B: state = .escape
            case 0x00...0x1F: return executeInside(byte)
            default: state = .ground
            }
        case .controlSequence:
            switch byte {
            case 0x40...0x7E:
                state = .ground
                return .controlSequence(final: byte, parameters: parametersOverflowed ? nil : parameters)
            case 0x1B: state = .escape
            case 0x00...0x1F: return executeInside(byte)
            default:
                if parameters.count < Self.maximumParameterBytes {
                    parameters.append(byte)
                } else {
                    parametersOverflowed = true
                }
            }
        case .string:
            switch byte {
            case 0x07, 0x18, 0x1A: state = .ground  // BEL ends an OSC; CAN/SUB abort
            case 0x1B: state = .stringEscape
            case 0x0A:
                state = .ground
                return .byte(byte)
            default: break
            }
        case .stringEscape:
            if byte == 0x5C {
                state = .ground
            } else {
                state = .escape
                return scan(byte)
            }
        }
        return .consumed
    }

    private mutating func ground(_ byte: UInt8) -> Event {
        switch byte {
        case 0x1B:
            state = .escape
            return .consumed
        case 0x18, 0x1A:
            return .consumed
        default:
            return .byte(byte)
        }
    }

    /// A C0 byte inside an ESC or CSI sequence: CAN/SUB abort it, LF ends it, others execute in place.
    private mutating func executeInside(_ byte: UInt8) -> Event {
        switch byte {
        case 0x18, 0x1A:
            state = .ground
            return .consumed
        case 0x0A:
            state = .ground
            return .byte(byte)
        default:
            return .byte(byte)
        }
    }
}
