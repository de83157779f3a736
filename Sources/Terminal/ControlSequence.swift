internal import CVTerm

/// A CSI sequence as libvterm parsed it: `CSI leader args intermediates final`.
struct ControlSequence {
    /// The private-parameter leader (`?`, `>`, `=`, `<`) or 0.
    var leader: UInt8
    var arguments: UnsafePointer<CLong>?
    var argumentCount: Int
    var hasIntermediates: Bool
    var final: UInt8

    /// The largest argument value the emulator uses; larger values saturate.
    static let argumentLimit = 65_535

    /// Argument `index` (saturated), or `defaultValue` when it is missing or 0, as for counts and positions.
    func argument(_ index: Int, default defaultValue: Int) -> Int {
        guard index < argumentCount, let arguments else { return defaultValue }
        let value = xsfai_csi_arg_value(arguments[index])
        if value <= 0 { return defaultValue }
        return min(value, Self.argumentLimit)
    }

    /// Argument `index` as given (saturated), or nil when missing.
    func rawArgument(_ index: Int) -> Int? {
        guard index < argumentCount, let arguments else { return nil }
        let value = xsfai_csi_arg_value(arguments[index])
        return value < 0 ? nil : min(value, Self.argumentLimit)
    }

    /// Whether the sequence has no arguments (libvterm reports one missing argument for a bare `CSI s`).
    var hasNoArguments: Bool {
        argumentCount == 0 || (argumentCount == 1 && rawArgument(0) == nil)
    }

    /// Whether a colon sub-parameter follows argument `index`.
    func hasSubparameter(_ index: Int) -> Bool {
        guard index < argumentCount, let arguments else { return false }
        return xsfai_csi_arg_has_more(arguments[index]) != 0
    }
}
