/// Which VM an FAI send id belongs to (fai-monitor.md: `FAI_SENDID` is `host` → the host name,
/// `mac` → `aa:bb:…` of the first NIC, `pxe` → `01-aa-bb-…`, else literal): by a VIF's MAC, by the
/// VM's name-label, or by the host name its console printed. Unknown senders stay unmapped.
public struct SenderMapping: Sendable, Hashable {
    /// One VM as the mapping knows it.
    public struct Candidate: Sendable, Hashable {
        /// The VM's UUID.
        public var uuid: String
        /// Its name-label.
        public var name: String
        /// The MACs of its VIFs.
        public var macs: [String]
        /// The host name its console printed, if any.
        public var consoleHostName: String?

        /// Creates a candidate.
        public init(uuid: String, name: String, macs: [String], consoleHostName: String? = nil) {
            self.uuid = uuid
            self.name = name
            self.macs = macs
            self.consoleHostName = consoleHostName
        }
    }

    /// How a sender was matched.
    public enum Match: String, Sendable, Hashable, Codable {
        case mac, pxe, nameLabel = "name-label", consoleHostName = "console host name"
    }

    private var byMAC: [String: Candidate] = [:]
    private var byName: [String: [Candidate]] = [:]
    private var byHostName: [String: [Candidate]] = [:]

    /// Creates the mapping for `candidates`.
    public init(_ candidates: [Candidate]) {
        for candidate in candidates {
            for mac in candidate.macs { byMAC[Self.normalizedMAC(mac)] = candidate }
            byName[candidate.name.lowercased(), default: []].append(candidate)
            if let host = candidate.consoleHostName { byHostName[host.lowercased(), default: []].append(candidate) }
        }
    }

    /// The VM `sender` belongs to, and how it matched; `nil` when none (or more than one by name) does.
    public func vm(for sender: String) -> (vm: Candidate, match: Match)? {
        let lowered = sender.lowercased()
        if Self.isMAC(lowered), let vm = byMAC[lowered] { return (vm, .mac) }
        if lowered.hasPrefix("01-") {
            let mac = lowered.dropFirst(3).replacingOccurrences(of: "-", with: ":")
            if Self.isMAC(mac), let vm = byMAC[mac] { return (vm, .pxe) }
        }
        if let named = byName[lowered], named.count == 1 { return (named[0], .nameLabel) }
        // FAI's host name is the short name; a VM may be labelled with the FQDN or vice versa.
        let short = String(lowered.split(separator: ".").first ?? "")
        if let hosts = byHostName[lowered] ?? byHostName[short], hosts.count == 1 { return (hosts[0], .consoleHostName) }
        return nil
    }

    static func normalizedMAC(_ mac: String) -> String { mac.lowercased().replacingOccurrences(of: "-", with: ":") }

    static func isMAC(_ text: String) -> Bool {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count == 6 && parts.allSatisfy { $0.count == 2 && $0.allSatisfy(\.isHexDigit) }
    }
}
