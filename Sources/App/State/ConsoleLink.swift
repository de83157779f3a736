public import XenAPI

/// The console connection's state.
public enum ConsoleLink: Sendable, Hashable {
    /// No VM chosen.
    case idle
    /// The VM is not running: waiting for it to start (capture from power-on).
    case waitingForPowerOn
    /// Connecting to this console.
    case connecting(Ref<ConsoleRecord>)
    /// Attached to this console.
    case attached(Ref<ConsoleRecord>)
    /// The connection dropped; trying again after `delayMilliseconds`.
    case retrying(delayMilliseconds: Int, reason: String)

    /// Short text for the pane title and status bar.
    public var summary: String {
        switch self {
        case .idle: "no console"
        case .waitingForPowerOn: "waiting for the VM to start"
        case .connecting: "connecting…"
        case .attached: "attached"
        case .retrying(let delay, let reason): "reconnecting in \(delay / 1000).\(delay % 1000 / 100)s (\(reason))"
        }
    }
}
