/// A light pre-scan of the byte stream in front of libvterm 0.1.4's parser layer. It decides what
/// libvterm sees, covering what that version gets wrong:
///
/// - CSI arguments live in a fixed array of 16 and every `;` or `:` increments the index without a
///   bounds check, so `ESC[1;1;1;…` from a guest writes past the array. From the separator that would
///   start a 17th argument on, the scanner withholds the arguments from libvterm and reads them itself
///   into ``CSIArgumentOverflow`` (up to ``argumentLimit``, far beyond any real SGR); the tokenizer
///   appends them to libvterm's 16 when the sequence ends. Nothing is merged or lost below that limit.
/// - Strings (OSC `ESC ]`, DCS `ESC P`, SOS `ESC X`, PM `ESC ^`, APC `ESC _`) never reach libvterm: it
///   executes C0 controls inside them and prints SOS/PM/APC payloads as text. libvterm sees the `ESC`
///   and, when the string ends (BEL for OSC, ST, or a UTF-8 C1 ST), a `\` that makes it a harmless ST.
///   An `ESC` that is not part of ST aborts the string and starts a new sequence, as in xterm; CAN/SUB
///   abort it. OSC payloads (up to ``payloadLimit`` bytes, controls left out) are reported to
///   `completed` right after the bytes before them were written, however the input is chunked.
/// - UTF-8-encoded C1 controls (U+0080…U+009F, `C2 80`…`C2 9F`) are controls, as in xterm: they are
///   handed to libvterm in their 7-bit form (`C2 9B` → `ESC [`). libvterm in UTF-8 mode would make
///   them text.
///
/// It tracks just enough of libvterm's states to do this.
struct SequenceScanner {
    /// Arguments libvterm 0.1.4 has room for in one CSI sequence.
    static let libvtermArgumentLimit = 16
    /// Arguments read in one CSI sequence; further ones are dropped whole (never merged into others).
    static let argumentLimit = 256
    /// OSC payload bytes kept; the rest of a longer string is dropped.
    static let payloadLimit = 1024

    private enum StringKind {
        /// OSC: the payload is collected and reported.
        case operatingSystemCommand
        /// DCS, SOS, PM, APC: swallowed.
        case swallowed
    }

    private enum State {
        case ground
        /// A `C2` byte was withheld: with the next byte it may be a UTF-8-encoded C1 control.
        case groundAfterC2
        case escape
        /// After `ESC` and an intermediate byte (`ESC (`, `ESC #`): the next final ends it.
        case escapeIntermediate
        case controlSequence(separators: Int)
        /// A CSI sequence with more arguments than libvterm holds: the scanner reads the rest.
        case controlSequenceOverflow
        case string(StringKind)
        case escapeInString(StringKind)
        case stringAfterC2(StringKind)
    }

    private var state = State.ground
    private var payload: [UInt8] = []
    /// Where the arguments beyond libvterm's 16 go; the tokenizer reads them when the CSI is dispatched.
    let overflow: CSIArgumentOverflow

    init(overflow: CSIArgumentOverflow) {
        self.overflow = overflow
    }

    /// Calls `write` with the runs of `bytes` (or replacements for them) libvterm may safely see, and
    /// `completed` with each OSC payload right after the run before its terminator.
    mutating func scan(
        _ bytes: UnsafeRawBufferPointer,
        write: (UnsafeRawBufferPointer) -> Void,
        completed: ([UInt8]) -> Void
    ) {
        var runStart = 0
        var index = 0
        let count = bytes.count
        func flush(through end: Int) {
            if end > runStart { write(UnsafeRawBufferPointer(rebasing: bytes[runStart..<end])) }
            runStart = end
        }
        /// Writes one or two bytes that stand for withheld input.
        func writeReplacement(_ first: UInt8, _ second: UInt8? = nil) {
            withUnsafeBytes(of: (first, second ?? 0)) { pair in
                write(UnsafeRawBufferPointer(rebasing: pair[0..<(second == nil ? 1 : 2)]))
            }
        }
        while index < count {
            let byte = bytes[index]
            switch state {
            case .ground:
                if byte == 0x1B {
                    state = .escape
                } else if byte == 0xC2 {
                    flush(through: index)
                    runStart = index + 1
                    state = .groundAfterC2
                } else {
                    // Text is most of a console stream: skip to the next ESC or C2 in a tight loop.
                    index += 1
                    while index < count, bytes[index] != 0x1B, bytes[index] != 0xC2 { index += 1 }
                    continue
                }
            case .groundAfterC2:
                guard (0x80...0x9F).contains(byte) else {
                    // An ordinary character starting with C2: give libvterm the withheld byte, go on.
                    writeReplacement(0xC2)
                    state = .ground
                    continue
                }
                runStart = index + 1
                let sevenBit = byte - 0x40
                switch sevenBit {
                case UInt8(ascii: "["):
                    writeReplacement(0x1B, sevenBit)
                    state = .controlSequence(separators: 0)
                case UInt8(ascii: "\\"):
                    state = .ground  // ST with no string open: nothing
                default:
                    if let kind = Self.stringKind(introducer: sevenBit) {
                        writeReplacement(0x1B)
                        beginString(kind)
                    } else {
                        writeReplacement(0x1B, sevenBit)
                        state = .ground
                    }
                }
            case .escape:
                if let kind = Self.stringKind(introducer: byte) {
                    flush(through: index)  // libvterm gets the ESC, waits, and later gets `\` (ST)
                    runStart = index + 1
                    beginString(kind)
                } else {
                    enterFromEscape(byte)
                }
            case .escapeIntermediate:
                switch byte {
                case 0x1B: state = .escape
                case 0x00...0x2F, 0x7F: break
                default: state = .ground
                }
            case .controlSequence(let separators):
                switch byte {
                case UInt8(ascii: ";"), UInt8(ascii: ":"):
                    if separators + 1 >= Self.libvtermArgumentLimit {
                        flush(through: index)
                        runStart = index + 1
                        overflow.begin(colon: byte == UInt8(ascii: ":"))
                        state = .controlSequenceOverflow
                    } else {
                        state = .controlSequence(separators: separators + 1)
                    }
                case 0x1B: state = .escape
                case 0x18, 0x1A, 0x40...0x7E, 0x80...0xFF: state = .ground
                default: break
                }
            case .controlSequenceOverflow:
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: ";"), UInt8(ascii: ":"):
                    flush(through: index)
                    runStart = index + 1
                    overflow.read(byte)
                case 0x40...0x7E:
                    // The final byte: libvterm dispatches now, while the overflow is armed.
                    flush(through: index + 1)
                    overflow.disarm()
                    state = .ground
                case 0x1B:
                    overflow.disarm()
                    state = .escape
                case 0x18, 0x1A, 0x80...0xFF:
                    overflow.disarm()
                    state = .ground
                default:
                    break  // C0 controls and intermediates go to libvterm as they do in any CSI
                }
            case .string(let kind):
                switch byte {
                case 0x07 where kind == .operatingSystemCommand:
                    runStart = index + 1
                    writeReplacement(UInt8(ascii: "\\"))
                    endString(kind, completed: completed)
                case 0x1B:
                    state = .escapeInString(kind)
                case 0x18, 0x1A:
                    runStart = index  // CAN/SUB abort the string; libvterm leaves its ESC state on it
                    state = .ground
                case 0xC2:
                    state = .stringAfterC2(kind)
                default:
                    collect(byte, kind)
                }
            case .escapeInString(let kind):
                runStart = index  // libvterm, still after the string's ESC, sees ESC + this byte
                if byte == UInt8(ascii: "\\") {
                    endString(kind, completed: completed)
                } else {
                    state = .escape  // aborted: the ESC starts a new sequence
                    continue
                }
            case .stringAfterC2(let kind):
                if byte == 0x9C {  // ST as a UTF-8 C1 control
                    runStart = index + 1
                    writeReplacement(UInt8(ascii: "\\"))
                    endString(kind, completed: completed)
                } else {
                    collect(0xC2, kind)
                    state = .string(kind)
                    continue
                }
            }
            index += 1
        }
        switch state {
        case .string, .escapeInString, .stringAfterC2, .groundAfterC2: runStart = count  // withheld
        default: break
        }
        flush(through: count)
    }

    private static func stringKind(introducer byte: UInt8) -> StringKind? {
        switch byte {
        case UInt8(ascii: "]"): return .operatingSystemCommand
        case UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"): return .swallowed
        default: return nil
        }
    }

    private mutating func beginString(_ kind: StringKind) {
        state = .string(kind)
        payload.removeAll(keepingCapacity: true)
    }

    private mutating func endString(_ kind: StringKind, completed: ([UInt8]) -> Void) {
        state = .ground
        if kind == .operatingSystemCommand { completed(payload) }
    }

    private mutating func collect(_ byte: UInt8, _ kind: StringKind) {
        guard kind == .operatingSystemCommand, byte >= 0x20, byte != 0x7F, payload.count < Self.payloadLimit else { return }
        payload.append(byte)
    }

    /// The state after `ESC` and `byte` (string introducers are handled by the caller).
    private mutating func enterFromEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "["): state = .controlSequence(separators: 0)
        case 0x20...0x2F: state = .escapeIntermediate
        case 0x1B, 0x00...0x17, 0x19, 0x1C...0x1F, 0x7F: state = .escape
        default: state = .ground
        }
    }
}
