internal import CVTerm

/// The arguments of a CSI sequence beyond the 16 libvterm 0.1.4 stores, read by the
/// ``SequenceScanner`` and appended to libvterm's by the tokenizer when the sequence is dispatched.
///
/// A class, so the tokenizer's callback can read it while the scanner (a struct being mutated) is
/// scanning. Values are encoded as libvterm's (`CSI_ARG_MISSING`, `CSI_ARG_FLAG_MORE` for `:`).
final class CSIArgumentOverflow {
    /// Whether the CSI sequence being parsed has overflowed; cleared when it ends.
    private(set) var isArmed = false
    /// Whether the separator after libvterm's last argument was `:` (a sub-parameter follows it).
    private(set) var followsWithColon = false
    /// The arguments after libvterm's 16th, at most `SequenceScanner.argumentLimit - 16`.
    private(set) var values: [CLong] = []
    /// Set once `values` is full: further arguments are dropped whole.
    private var isDropping = false

    private static let room = SequenceScanner.argumentLimit - SequenceScanner.libvtermArgumentLimit
    /// The largest value kept; larger ones saturate (libvterm's own arithmetic wraps).
    private static let valueLimit: CLong = 1 << 30

    /// Starts at the separator that would begin libvterm's 17th argument.
    func begin(colon: Bool) {
        isArmed = true
        followsWithColon = colon
        isDropping = false
        values.removeAll(keepingCapacity: true)
        values.append(xsfai_csi_arg_missing())
    }

    /// Reads a digit or a separator of an argument after the 16th.
    func read(_ byte: UInt8) {
        guard !isDropping, let last = values.indices.last else { return }
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            let current = xsfai_csi_arg_value(values[last])
            let digit = CLong(byte - UInt8(ascii: "0"))
            let value = min(max(current, 0) * 10 + digit, Self.valueLimit)
            values[last] = xsfai_csi_arg_with_more(value, xsfai_csi_arg_has_more(values[last]))
        default:
            if byte == UInt8(ascii: ":") {
                values[last] = xsfai_csi_arg_with_more(xsfai_csi_arg_value(values[last]), 1)
            }
            if values.count < Self.room {
                values.append(xsfai_csi_arg_missing())
            } else {
                isDropping = true
            }
        }
    }

    /// Forgets the overflow: the sequence was dispatched or cancelled.
    func disarm() {
        isArmed = false
    }
}
