import XMLRPC

/// An immutable view of the objects a ``PoolCache`` tracks, keyed by reference.
public struct PoolSnapshot: Sendable, Hashable {
    /// VMs, templates, snapshots and control domains.
    public var vms: [Ref<VMRecord>: VMRecord] = [:]
    /// Consoles of running VMs.
    public var consoles: [Ref<ConsoleRecord>: ConsoleRecord] = [:]
    /// Hosts.
    public var hosts: [Ref<HostRecord>: HostRecord] = [:]
    /// The pool (one entry).
    public var pools: [Ref<PoolRecord>: PoolRecord] = [:]
    /// Storage repositories.
    public var srs: [Ref<SRRecord>: SRRecord] = [:]
    /// Networks.
    public var networks: [Ref<NetworkRecord>: NetworkRecord] = [:]
    /// Virtual network interfaces (their MACs map FAI monitor senders to VMs).
    public var vifs: [Ref<VIFRecord>: VIFRecord] = [:]

    /// Creates an empty snapshot.
    public init() {}

    /// The pool record, if known.
    public var pool: PoolRecord? { pools.values.first }

    /// The consoles of `vm` with protocol `protocol`.
    public func consoles(of vm: Ref<VMRecord>, protocol: ConsoleProtocol = .vt100)
        -> [(Ref<ConsoleRecord>, ConsoleRecord)]
    {
        consoles.filter { $0.value.vm == vm && $0.value.protocol == `protocol` }.sorted { $0.key < $1.key }
            .map { ($0.key, $0.value) }
    }

    /// Applies one event: stores the decoded snapshot for add/mod, removes the object for del.
    /// Classes the snapshot does not track are ignored.
    public mutating func apply(_ event: EventRecord) throws {
        switch event.className {
        case "vm": try Self.apply(event, to: &vms, decode: VMRecord.init(xmlrpc:))
        case "console": try Self.apply(event, to: &consoles, decode: ConsoleRecord.init(xmlrpc:))
        case "host": try Self.apply(event, to: &hosts, decode: HostRecord.init(xmlrpc:))
        case "pool": try Self.apply(event, to: &pools, decode: PoolRecord.init(xmlrpc:))
        case "sr": try Self.apply(event, to: &srs, decode: SRRecord.init(xmlrpc:))
        case "network": try Self.apply(event, to: &networks, decode: NetworkRecord.init(xmlrpc:))
        case "vif": try Self.apply(event, to: &vifs, decode: VIFRecord.init(xmlrpc:))
        default: return
        }
    }

    private static func apply<Record>(
        _ event: EventRecord, to table: inout [Ref<Record>: Record], decode: (XMLRPCValue) throws -> Record
    ) throws {
        let ref = Ref<Record>(event.ref)
        switch event.operation {
        case .del:
            table[ref] = nil
        case .add, .mod:
            guard let snapshot = event.snapshot else {
                throw XenAPIProtocolError(method: "event.from", problem: "\(event.className) event without snapshot")
            }
            table[ref] = try decode(snapshot)
        }
    }
}
