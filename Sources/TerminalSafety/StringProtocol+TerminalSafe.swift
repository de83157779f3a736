extension StringProtocol {
    /// This text with every terminal control shown as a visible escape (see ``TerminalSanitizer``);
    /// tab and newline kept. For text from a pool or a guest on its way to a terminal.
    public var terminalSafe: String { TerminalSanitizer.sanitized(self) }

    /// This text as one safe line: like ``terminalSafe``, and tab and newline shown as `\t` and `\n`
    /// (table cells, status lines, list rows).
    public var terminalSafeLine: String { TerminalSanitizer.sanitized(self, keepingNewlines: false) }
}
