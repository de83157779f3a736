/// The result of an operation, for the status bar.
public struct OperationOutcome: Sendable, Hashable {
    /// One line saying what happened, e.g. `rearmed fai01: PV-bootloader pygrub → eliloader`.
    public var summary: String
    /// The equivalent `xe` commands.
    public var xeCommands: [String]

    /// Creates an outcome.
    public init(summary: String, xeCommands: [String] = []) {
        self.summary = summary
        self.xeCommands = xeCommands
    }
}
