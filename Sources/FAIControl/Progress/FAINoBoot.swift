/// Why a VM did not boot into FAI.
public struct FAINoBoot: Sendable, Equatable {
    /// The kind of boot failure.
    public enum Kind: String, Sendable, Equatable {
        /// `Kernel panic - not syncing: …` before FAI started (or in the installed system).
        case panic
        /// The initramfs dropped to its BusyBox shell (`(initramfs)` prompt).
        case initramfsShell
        /// Root-mount errors were printed and then the console stayed silent.
        case silentAfterError
    }

    /// The kind of boot failure.
    public var kind: Kind
    /// The lines that explain it (N2 lines, then the panic line), duplicates removed.
    public var reasonLines: [String]

    /// Creates a no-boot description.
    public init(kind: Kind, reasonLines: [String]) {
        self.kind = kind
        self.reasonLines = reasonLines
    }
}
