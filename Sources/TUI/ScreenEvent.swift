/// What a screen reports from its input.
public enum ScreenEvent: Sendable, Hashable {
    /// A key was pressed.
    case key(Key)
    /// The terminal changed size.
    case resized(Size)
    /// The process was asked to end (SIGTERM, SIGHUP): restore the terminal and leave.
    case terminationRequested
}
