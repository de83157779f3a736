internal import CVTerm

/// libvterm's parser layer: splits the byte stream into text runs, C0/C1 controls, escape sequences
/// and CSI sequences with parsed arguments, and carries partial sequences across writes. A
/// `SequenceScanner` in front of it reads CSI arguments beyond libvterm's 16, keeps strings (OSC, DCS,
/// SOS, PM, APC) from it and collects OSC payloads, and turns UTF-8-encoded C1 controls into 7-bit ones.
///
/// Each token is delivered to the `TerminalEmulator` it is attached to; the emulator assigns meaning.
final class VTermTokenizer {
    private let vterm: OpaquePointer
    private let callbacks: UnsafeMutablePointer<VTermParserCallbacks>
    private var scanner: SequenceScanner
    /// CSI arguments beyond libvterm's 16, shared with the scanner.
    let overflow = CSIArgumentOverflow()
    /// libvterm's arguments followed by the overflow, for a sequence that overflowed (allocated on first use).
    private var mergedArguments: UnsafeMutablePointer<CLong>?

    init() {
        guard let vterm = vterm_new(25, 80) else {
            preconditionFailure("libvterm could not allocate a parser")
        }
        self.vterm = vterm
        scanner = SequenceScanner(overflow: overflow)
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
                VTermTokenizer.withEmulator(user) { emulator in
                    var sequence = ControlSequence(
                        leader: leader.map { UInt8(bitPattern: $0.pointee) } ?? 0,
                        arguments: arguments,
                        argumentCount: Int(argumentCount),
                        hasIntermediates: intermediates != nil,
                        final: UInt8(bitPattern: command)
                    )
                    emulator.tokenizer.appendOverflow(to: &sequence)
                    emulator.dispatchControlSequence(sequence)
                }
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
        mergedArguments?.deallocate()
    }

    /// Appends the arguments the scanner read beyond libvterm's 16 to `sequence`, if it overflowed.
    func appendOverflow(to sequence: inout ControlSequence) {
        guard overflow.isArmed, let arguments = sequence.arguments,
              sequence.argumentCount == SequenceScanner.libvtermArgumentLimit else { return }
        let merged = mergedArguments ?? .allocate(capacity: SequenceScanner.argumentLimit)
        mergedArguments = merged
        let kept = sequence.argumentCount
        merged.update(from: arguments, count: kept)
        if overflow.followsWithColon {
            merged[kept - 1] = xsfai_csi_arg_with_more(xsfai_csi_arg_value(merged[kept - 1]), 1)
        }
        let extra = overflow.values
        for (offset, value) in extra.enumerated() { merged[kept + offset] = value }
        sequence.arguments = UnsafePointer(merged)
        sequence.argumentCount = kept + extra.count
        overflow.disarm()
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
