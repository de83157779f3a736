import XenAPI

/// What background work hands to the loop.
enum InboxItem: Sendable {
    /// A fact for the reducer.
    case action(Action)
    /// Guest output of background capture `id` of `vm` (fed to its buffer, not the reducer).
    case captureBytes(vm: Ref<VMRecord>, id: Int, [UInt8])
    /// Background capture `id` of `vm` reattached to the same console after losing it (output sent
    /// meanwhile is gone): marked in its capture.
    case captureReattached(vm: Ref<VMRecord>, id: Int)
}

extension InboxItem {
    /// Console output bytes the item carries (0 for an action).
    var consoleByteCount: Int {
        switch self {
        case .action, .captureReattached: 0
        case .captureBytes(_, _, let bytes): bytes.count
        }
    }
}
