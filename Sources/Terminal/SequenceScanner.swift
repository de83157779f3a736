/// A light pre-scan of the byte stream in front of libvterm 0.1.4, covering two defects of that
/// version's parser layer:
///
/// - CSI arguments live in a fixed array of 16 and every `;` or `:` increments the index without a
///   bounds check, so `ESC[1;1;1;…` from a guest writes past the array. The scanner drops every
///   separator beyond `separatorLimit` in one CSI sequence.
/// - An OSC string split across two writes reaches the `osc` callback empty. The scanner collects OSC
///   payloads itself (up to `payloadLimit` bytes) and reports each one when its terminator (BEL or
///   `ESC \`) has been passed to libvterm, so the report lands at the same point of the stream
///   however the input is chunked.
///
/// It tracks just enough of libvterm's states to do this, and over-approximates CSI: it never lets a
/// separator through that libvterm would store past its array.
struct SequenceScanner {
    /// Separators allowed in one CSI sequence (libvterm has room for 15).
    static let separatorLimit = 12
    /// OSC payload bytes kept; the rest of a longer string is dropped.
    static let payloadLimit = 1024

    private enum State {
        case ground
        case escape
        case controlSequence(separators: Int)
        case operatingSystemCommand
        case escapeInOperatingSystemCommand
    }

    private var state = State.ground
    private var payload: [UInt8] = []

    /// Calls `write` with the runs of `bytes` libvterm may safely see, and `completed` with each
    /// OSC payload right after the run holding its terminator.
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
        while index < count {
            let byte = bytes[index]
            switch state {
            case .ground:
                if byte == 0x1B {
                    state = .escape
                } else {
                    // Text is most of a console stream: skip to the next ESC in a tight loop.
                    index += 1
                    while index < count, bytes[index] != 0x1B { index += 1 }
                    continue
                }
            case .escape:
                enterFromEscape(byte)
            case .controlSequence(let separators):
                switch byte {
                case UInt8(ascii: ";"), UInt8(ascii: ":"):
                    if separators >= Self.separatorLimit {
                        flush(through: index)
                        runStart = index + 1
                    } else {
                        state = .controlSequence(separators: separators + 1)
                    }
                case 0x1B: state = .escape
                case 0x18, 0x1A, 0x40...0x7E, 0x80...0xFF: state = .ground
                default: break
                }
            case .operatingSystemCommand:
                switch byte {
                case 0x07:
                    state = .ground
                    flush(through: index + 1)
                    completed(payload)
                case 0x1B: state = .escapeInOperatingSystemCommand
                case 0x18, 0x1A: state = .ground
                case 0x00..<0x20, 0x7F: break
                default:
                    if payload.count < Self.payloadLimit { payload.append(byte) }
                }
            case .escapeInOperatingSystemCommand:
                if byte == UInt8(ascii: "\\") {
                    state = .ground
                    flush(through: index + 1)
                    completed(payload)
                } else {
                    enterFromEscape(byte)
                }
            }
            index += 1
        }
        flush(through: count)
    }

    /// The state after `ESC` and `byte`.
    private mutating func enterFromEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "["):
            state = .controlSequence(separators: 0)
        case UInt8(ascii: "]"):
            state = .operatingSystemCommand
            payload.removeAll(keepingCapacity: true)
        case 0x1B, 0x20...0x2F, 0x00...0x17, 0x19, 0x1C...0x1F, 0x7F:
            state = .escape
        default:
            state = .ground
        }
    }
}
