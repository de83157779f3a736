import Foundation

/// Every install client heard on the monitor port, one ``MonitoredInstall`` per send id, bounded:
/// past ``maximumSenders`` the sender heard from longest ago is forgotten (the port is open to the
/// install network, so invented send ids must not grow memory without end).
public struct MonitorFleet: Sendable, Hashable {
    /// The default bound on senders kept.
    public static let defaultMaximumSenders = 1024

    /// The rows by send id.
    public private(set) var installs: [String: MonitoredInstall] = [:]
    /// How many rows may be kept.
    public let maximumSenders: Int
    /// The rules that make verdicts.
    public let rules: MonitorRules
    /// How many senders were forgotten to keep the bound.
    public private(set) var forgottenSenders = 0

    /// Creates an empty fleet.
    public init(maximumSenders: Int = defaultMaximumSenders, rules: MonitorRules = MonitorRules()) {
        self.maximumSenders = max(1, maximumSenders)
        self.rules = rules
    }

    /// The rows ordered by send id in natural order (`web2` before `web10`).
    public var sortedInstalls: [MonitoredInstall] {
        installs.values.sorted { $0.sender.compare($1.sender, options: .numeric) == .orderedAscending }
    }

    /// The row of `sender`, if heard.
    public subscript(sender: String) -> MonitoredInstall? { installs[sender] }

    /// Applies a report received at `time`.
    public mutating func apply(sender: String, message: MonitorMessage, at time: Double) {
        var install = installs[sender] ?? MonitoredInstall(sender: sender, at: time)
        install.apply(message, at: time, rules: rules)
        if installs[sender] == nil && installs.count >= maximumSenders { forgetOldest() }
        installs[sender] = install
    }

    /// The verdict on `sender`'s current attempt.
    public func verdict(of sender: String) -> MonitorVerdict? {
        installs[sender]?.verdict(rules: rules)
    }

    private mutating func forgetOldest() {
        guard let oldest = installs.values.min(by: { $0.lastMessageTime < $1.lastMessageTime }) else { return }
        installs[oldest.sender] = nil
        forgottenSenders += 1
    }
}
