import NIOCore
import XMLRPC

/// Everything the simulated pool knows, guarded by one lock in ``SimulatorServer``.
///
/// Calls mutate it synchronously and leave ``SimulatorEffect`` values in ``effects`` for the server
/// to perform once the lock is released (writing console bytes, closing sockets, scheduling playback).
struct SimulatorState {
    /// A logged-in session.
    struct Session {
        let user: String
        let originator: String
        var calls = 0
    }

    /// A client attached to a console over CONNECT.
    struct ConsoleClient {
        let id: Int
        let channel: any Channel
        /// Bytes relayed to this client so far (for the `dropConsoleRelays` fault).
        var relayedBytes = 0
    }

    var db = PoolDatabase()
    /// The method of every call answered, oldest first (the newest ``callLogLimit`` at most), for tests.
    var callLog: [String] = []
    /// How many calls ``callLog`` keeps.
    static let callLogLimit = 100_000
    /// Host refs in the order of the configured host addresses.
    var hostRefs: [String] = []
    var port: Int
    var configuration: SimulatorConfiguration
    var sessions: [String: Session] = [:]
    /// VDIs holding an installed Debian system (pygrub can boot them), with the system's host name.
    var installedDisks: [String: String] = [:]
    var nextDomid: Int64 = 1
    var playbacks: [String: ConsolePlayback] = [:]
    var consoleClients: [String: [ConsoleClient]] = [:]
    var nextClientID = 0
    /// Pending event.from calls by waiter id, woken when the database changes or their deadline passes.
    var eventWaiters: [Int: EventLoopPromise<Void>] = [:]
    var nextWaiterID = 0
    var repository: DebianRepository
    let transcripts: TranscriptLibrary
    var faults: FaultState
    var effects: [SimulatorEffect] = []

    init(configuration: SimulatorConfiguration, port: Int, transcripts: TranscriptLibrary) {
        self.configuration = configuration
        self.port = port
        repository = DebianRepository(missing: configuration.missingRepositoryFiles)
        self.transcripts = transcripts
        faults = FaultState(faults: configuration.faults)
    }

    /// Host addresses in configuration order, the master first.
    var hostAddresses: [String] { configuration.hosts }
    var masterAddress: String { hostAddresses.first ?? "127.0.0.1" }
    var poolRef: String { db.refs("pool").first ?? "OpaqueRef:NULL" }
    var defaultSR: String { db.field("pool", ref: poolRef, "default_SR")?.stringValue ?? "OpaqueRef:NULL" }

    /// The URL of the simulator's own Debian repository.
    var repositoryURL: String { "http://\(masterAddress):\(port)/repo/debian" }

    func vmField(_ ref: String, _ name: String) -> XMLRPCValue? { db.field("VM", ref: ref, name) }

    func otherConfig(_ ref: String) -> [String: String] {
        vmField(ref, "other_config")?.stringMapValue ?? [:]
    }

    func refs(_ value: XMLRPCValue?) -> [String] { value?.stringArrayValue ?? [] }

    /// Adds `item` to a Set(Ref) field.
    mutating func appendRef(_ className: String, _ ref: String, field: String, _ item: String) {
        db.update(className, ref: ref) { record in
            var items = record[field]?.stringArrayValue ?? []
            if !items.contains(item) { items.append(item) }
            record[field] = BlankRecord.strings(items)
        }
    }

    /// Removes `item` from a Set(Ref) field.
    mutating func removeRef(_ className: String, _ ref: String, field: String, _ item: String) {
        db.update(className, ref: ref) { record in
            let items = (record[field]?.stringArrayValue ?? []).filter { $0 != item }
            record[field] = BlankRecord.strings(items)
        }
    }

    /// Changes one key of a map field (nil removes it).
    mutating func setMapEntry(_ className: String, _ ref: String, field: String, key: String, value: String?) {
        db.update(className, ref: ref) { record in
            var members = record[field]?.structValue ?? XMLRPCStruct()
            members[key] = value.map(XMLRPCValue.string)
            record[field] = .structure(members)
        }
    }
}
