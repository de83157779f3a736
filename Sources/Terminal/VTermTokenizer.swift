internal import CVTerm

/// libvterm's parser layer: splits the byte stream into text runs, C0/C1 controls, escape sequences
/// and CSI sequences with parsed arguments, swallows OSC/DCS strings, and carries partial sequences
/// across writes. A `SequenceScanner` in front of it bounds CSI arguments and collects OSC payloads.
///
/// Each token is delivered to the `TerminalEmulator` it is attached to; the emulator assigns meaning.
final class VTermTokenizer {
    private let vterm: OpaquePointer
    private let callbacks: UnsafeMutablePointer<VTermParserCallbacks>
    private var scanner = SequenceScanner()

    init() {
        guard let vterm = vterm_new(25, 80) else {
            preconditionFailure("libvterm could not allocate a parser")
        }
        self.vterm = vterm
        vterm_set_utf8(vterm, 1)
        callbacks = .allocate(capacity: 1)
        callbacks.initialize(to: VTermParserCallbacks(
            text: { bytes, length, user in
                guard let bytes, let user else { return Int32(length) }
                let raw = UnsafeRawPointer(bytes).assumingMemoryBound(to: UInt8.self)
                return Int32(VTermTokenizer.withEmulator(user) { $0.consumeText(raw, count: length) })
            },
            control: { byte, user in
                guard let user else { return 1 }
                VTermTokenizer.withEmulator(user) { $0.executeControl(byte) }
                return 1
            },
            escape: { bytes, length, user in
                guard let bytes, let user else { return 1 }
                let raw = UnsafeRawBufferPointer(start: bytes, count: length)
                VTermTokenizer.withEmulator(user) { $0.dispatchEscape(raw) }
                return 1
            },
            csi: { leader, arguments, argumentCount, intermediates, command, user in
                guard let user else { return 1 }
                let sequence = ControlSequence(
                    leader: leader.map { UInt8(bitPattern: $0.pointee) } ?? 0,
                    arguments: arguments,
                    argumentCount: Int(argumentCount),
                    hasIntermediates: intermediates != nil,
                    final: UInt8(bitPattern: command)
                )
                VTermTokenizer.withEmulator(user) { $0.dispatchControlSequence(sequence) }
                return 1
            },
            osc: nil,
            dcs: nil,
            resize: nil
        ))
    }

    deinit {
        vterm_free(vterm)
        callbacks.deinitialize(count: 1)
        callbacks.deallocate()
    }

    /// Routes tokens to `emulator`, which must outlive this tokenizer (it owns it).
    func attach(_ emulator: TerminalEmulator) {
        vterm_parser_set_callbacks(vterm, callbacks, Unmanaged.passUnretained(emulator).toOpaque())
    }

    /// Parses `bytes`, calling back for every complete token.
    func write(_ bytes: UnsafeRawBufferPointer) {
        let vterm = vterm
        let user = vterm_parser_get_cbdata(vterm)
        scanner.scan(bytes) { run in
            guard let base = run.baseAddress, run.count > 0 else { return }
            _ = vterm_input_write(vterm, base.assumingMemoryBound(to: CChar.self), run.count)
        } completed: { payload in
            guard let user else { return }
            VTermTokenizer.withEmulator(user) { $0.dispatchOperatingSystemCommand(payload) }
        }
    }

    /// Calls `body` with the attached emulator without retaining it (it owns this tokenizer, so it is
    /// alive for the whole write).
    private static func withEmulator<Result>(_ user: UnsafeMutableRawPointer, _ body: (TerminalEmulator) -> Result) -> Result {
        Unmanaged<TerminalEmulator>.fromOpaque(user)._withUnsafeGuaranteedRef(body)
    }
}
