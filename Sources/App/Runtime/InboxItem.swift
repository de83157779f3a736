/// What background work hands to the loop.
enum InboxItem: Sendable {
    /// A fact for the reducer.
    case action(Action)
    /// Guest output of console connection `generation` (fed to the buffer, not the reducer).
    case consoleBytes(generation: Int, [UInt8])
}
