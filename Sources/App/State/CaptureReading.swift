/// What a background capture read, as reported to the reducer a few times a second.
public struct CaptureReading: Sendable, Hashable {
    /// The install phase the tracker reads.
    public var phase: InstallPhase
    /// The FAI progress line, e.g. `FAI: instsoft (5/12)`; empty before FAI output.
    public var progress: String
    /// The newest console line with text.
    public var lastLine: String
    /// Whether FAI itself started (its banner): until then "booting" may be any system's boot.
    public var hasFAIStarted: Bool
    /// Whether the console shows a `login:` prompt without FAI having run: an installed system
    /// booted, not an install.
    public var showsInstalledSystem: Bool

    /// A reading.
    public init(phase: InstallPhase, progress: String, lastLine: String, hasFAIStarted: Bool = true, showsInstalledSystem: Bool = false) {
        self.phase = phase
        self.progress = progress
        self.lastLine = lastLine
        self.hasFAIStarted = hasFAIStarted
        self.showsInstalledSystem = showsInstalledSystem
    }
}
