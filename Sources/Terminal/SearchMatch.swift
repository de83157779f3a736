/// Where a search needle was found: an absolute line (as in `TerminalEmulator.line(at:)`) and the cells it covers.
public struct SearchMatch: Sendable, Hashable {
    /// Absolute line index: 0 is the oldest scrollback line.
    public var line: Int
    /// The columns of the match on that line (a wide character counts as two columns).
    public var columns: Range<Int>

    /// Creates a match.
    public init(line: Int, columns: Range<Int>) {
        self.line = line
        self.columns = columns
    }
}
