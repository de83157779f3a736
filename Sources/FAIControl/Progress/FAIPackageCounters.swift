/// Package counters of the instsoft task, from apt's output (only with FAI_FLAGS `verbose`).
public struct FAIPackageCounters: Sendable, Equatable {
    /// The sum of "newly installed" over every apt run in instsoft.
    public var total: Int
    /// `Unpacking <package>` lines seen.
    public var unpacked: Int
    /// `Setting up <package>` lines seen.
    public var setUp: Int

    /// Creates counters.
    public init(total: Int = 0, unpacked: Int = 0, setUp: Int = 0) {
        self.total = total
        self.unpacked = unpacked
        self.setUp = setUp
    }

    /// Installed fraction `(unpacked + setUp) / (2 × total)` capped at 1, or `nil` before a total is known.
    public var fraction: Double? {
        guard total > 0 else { return nil }
        return min(1, Double(unpacked + setUp) / Double(2 * total))
    }
}
