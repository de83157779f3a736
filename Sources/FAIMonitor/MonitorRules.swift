import FAIControl

/// The levels that turn monitor codes into a verdict; the defaults are those of the console tracker
/// (``FAIControl/FAIProgressTracker/Configuration``) and FAI's `STOP_ON_ERROR`.
public struct MonitorRules: Sendable, Hashable {
    /// Codes at or above this make a finished install a failure.
    public var failureLevel: Int
    /// Codes at or above this (below ``failureLevel``) are warnings.
    public var warningLevel: Int
    /// FAI stops the install when a code is above this (`STOP_ON_ERROR`).
    public var stopOnError: Int

    /// Creates rules; the failure and warning levels default to the console tracker's, so the monitor
    /// and the console judge the same codes the same way.
    public init(
        failureLevel: Int = FAIProgressTracker.Configuration().failureLevel,
        warningLevel: Int = FAIProgressTracker.Configuration().warningLevel,
        stopOnError: Int = 700
    ) {
        self.failureLevel = failureLevel
        self.warningLevel = warningLevel
        self.stopOnError = stopOnError
    }
}
