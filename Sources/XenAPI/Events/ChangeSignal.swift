import Foundation

/// A condition variable for "something changed" wake-ups with timeouts.
final class ChangeSignal: @unchecked Sendable {
    // NSCondition is thread-safe; it is only used through these methods.
    private let condition = NSCondition()
    private var changes = 0

    /// Wakes every waiter.
    func signal() {
        condition.lock()
        changes += 1
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until the next signal or `duration`.
    func waitForChange(upTo duration: Duration) {
        condition.lock()
        let seen = changes
        let deadline = Date(timeIntervalSinceNow: duration.seconds)
        while changes == seen, condition.wait(until: deadline) {}
        condition.unlock()
    }

    /// Sleeps for `duration`, waking early when signalled and `keepSleeping` turns false.
    func sleep(for duration: Duration, while keepSleeping: () -> Bool) {
        let deadline = ContinuousClock.now + duration
        while keepSleeping() {
            let remaining = ContinuousClock.now.duration(to: deadline)
            if remaining <= .zero { return }
            waitForChange(upTo: remaining)
        }
    }
}
