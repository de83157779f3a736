import XenAPI

/// What background work hands to the loop.
enum InboxItem: Sendable {
    /// A fact for the reducer.
    case action(Action)
    /// Guest output of console connection `generation` (fed to the buffer, not the reducer).
    case consoleBytes(generation: Int, [UInt8])
    /// Guest output of background capture `id` of `vm` (fed to its buffer, not the reducer).
    case captureBytes(vm: Ref<VMRecord>, id: Int, [UInt8])
}

extension InboxItem {
    /// Console output bytes the item carries (0 for an action).
    var consoleByteCount: Int {
        switch self {
        case .action: 0
        case .consoleBytes(_, let bytes), .captureBytes(_, _, let bytes): bytes.count
        }
    }
}
