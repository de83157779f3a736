public import XenAPI

/// The networks a new install gets a VIF on, one per device (0, 1, … after the template's own):
/// the networks asked for (`--network NAME|UUID`, repeatable), or by default, when the template has
/// no VIF of its own (a Debian template has none, and a clone copies only what the template has), the
/// pool's only network for guests. xapi's own networks (``NetworkRecord/isInternal``) are never chosen.
public struct NetworkChoice: Sendable, Hashable {
    /// One VIF to create.
    public struct Interface: Sendable, Hashable {
        /// The device number, `0` for the first NIC.
        public var device: String
        /// The network's ref.
        public var network: Ref<NetworkRecord>
        /// The network's UUID.
        public var networkUUID: String
        /// The network's name-label.
        public var networkName: String
        /// The network's MTU, which the VIF gets.
        public var mtu: Int64
    }

    /// The VIFs to create, in device order.
    public var interfaces: [Interface]
    /// What was chosen and why, for the plan (`default: the pool's only network …`), or `nil` when
    /// the networks were asked for.
    public var note: String?

    /// Chooses for `template` among `networks` (the pool's); `queries` name networks by UUID (any
    /// case) or exact name-label; `none` creates no VIF (`--no-network`).
    public static func choose(
        _ queries: [String], template: VMRecord, networks: [Ref<NetworkRecord>: NetworkRecord], none: Bool = false
    ) throws(InstallError) -> NetworkChoice {
        if none {
            let copied = template.vifs.isEmpty ? "the VM gets no network interface" : "only the template's VIFs, copied by the clone"
            return NetworkChoice(interfaces: [], note: "no network asked for: \(copied)")
        }
        let forGuests = networks.filter { !$0.value.isInternal }.sorted { $0.value.nameLabel < $1.value.nameLabel }
        let chosen: [(Ref<NetworkRecord>, NetworkRecord)]
        var note: String?
        if !queries.isEmpty {
            chosen = try queries.map { query throws(InstallError) in
                let lowered = query.lowercased()
                let matches = networks.filter { $0.value.uuid.lowercased() == lowered || $0.value.nameLabel == query }
                guard matches.count == 1, let only = matches.first else {
                    throw .unknownNetwork(query, candidates: forGuests.map { "\($0.value.nameLabel) (\($0.value.uuid))" })
                }
                return (only.key, only.value)
            }
        } else if !template.vifs.isEmpty {
            chosen = []
            note = "\(template.vifs.count == 1 ? "the template's VIF is" : "the template's \(template.vifs.count) VIFs are") copied by the clone, with new MACs"
        } else if forGuests.count == 1, let only = forGuests.first {
            chosen = [(only.key, only.value)]
            note = "default: the pool's only network for guests"
        } else if forGuests.isEmpty {
            chosen = []
            note = "no network interface: the template has none and the pool has no network for guests, so the VM cannot netboot FAI"
        } else {
            throw .networkChoiceNeeded(template: template.nameLabel, candidates: forGuests.map { "\($0.value.nameLabel) (\($0.value.uuid))" })
        }
        let firstDevice = template.vifs.count
        let interfaces = chosen.enumerated().map { index, network in
            Interface(device: String(firstDevice + index), network: network.0, networkUUID: network.1.uuid, networkName: network.1.nameLabel,
                      mtu: network.1.mtu)
        }
        return NetworkChoice(interfaces: interfaces, note: note)
    }
}
