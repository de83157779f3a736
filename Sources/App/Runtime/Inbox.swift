import Foundation
import TUI

/// The loop's mailbox: any thread posts, the loop drains; posting wakes the loop's input wait.
///
/// Console output is bounded: a console reader that gets ahead of the loop by more than
/// `highWater` bytes waits in `waitForRoom()` until the loop has taken it below `lowWater`, so a
/// flooding guest slows its own TCP stream instead of growing memory or delaying keys.
final class Inbox: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [InboxItem] = []
    private var pendingConsoleBytes = 0
    private let waker: any ScreenWaker
    private let highWater = 4 << 20
    private let lowWater = 1 << 20

    init(waker: any ScreenWaker) { self.waker = waker }

    /// Posts an action.
    func post(_ action: Action) { post(.action(action)) }

    /// Posts an item and wakes the loop.
    func post(_ item: InboxItem) {
        condition.lock()
        items.append(item)
        pendingConsoleBytes += item.consoleByteCount
        let wasEmpty = items.count == 1
        condition.unlock()
        if wasEmpty { waker.wake() }
    }

    /// Blocks a console reader while the loop is more than `highWater` bytes behind.
    func waitForRoom() {
        condition.lock()
        while pendingConsoleBytes > highWater { condition.wait() }
        condition.unlock()
    }

    /// Takes items in order, stopping after about `byteBudget` bytes of console output; returns them
    /// and whether more are waiting.
    func drain(byteBudget: Int) -> (items: [InboxItem], hasMore: Bool) {
        condition.lock()
        defer { condition.unlock() }
        var taken = 0
        var bytes = 0
        while taken < items.count, bytes < byteBudget {
            bytes += items[taken].consoleByteCount
            taken += 1
        }
        let batch = Array(items.prefix(taken))
        items.removeFirst(taken)
        pendingConsoleBytes -= bytes
        if pendingConsoleBytes <= lowWater { condition.broadcast() }
        return (batch, !items.isEmpty)
    }
}
