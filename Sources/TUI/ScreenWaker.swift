/// Makes a screen's waiting (or next) `nextEvent` return early. Safe to call from any thread.
public protocol ScreenWaker: Sendable {
    /// Wakes the screen's input wait.
    func wake()
}
