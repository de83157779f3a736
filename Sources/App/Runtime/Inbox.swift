import Synchronization
public import TUI

/// What background work hands to the loop.
enum InboxItem: Sendable {
    /// A fact for the reducer.
    case action(Action)
    /// Guest output of console connection `generation` (fed to the buffer, not the reducer).
    case consoleBytes(generation: Int, [UInt8])
}

/// The loop's mailbox: any thread posts, the loop drains; posting wakes the loop's input wait.
final class Inbox: Sendable {
    private let items = Mutex<[InboxItem]>([])
    private let waker: any ScreenWaker

    init(waker: any ScreenWaker) { self.waker = waker }

    /// Posts an action.
    func post(_ action: Action) { post(.action(action)) }

    /// Posts an item and wakes the loop.
    func post(_ item: InboxItem) {
        let wasEmpty = items.withLock { queue in
            queue.append(item)
            return queue.count == 1
        }
        if wasEmpty { waker.wake() }
    }

    /// Takes everything posted so far.
    func drain() -> [InboxItem] {
        items.withLock { queue in
            let taken = queue
            queue.removeAll(keepingCapacity: true)
            return taken
        }
    }
}
