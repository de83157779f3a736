public import Foundation
import XMLRPC
public import XenAPI

/// The one controller every CLI command and the TUI use to change a pool: a XenAPI connection, the
/// pool's identity (its UUID) and its write-ahead journal.
///
/// Each operation takes a plan the caller made from the records it already holds (``ChangePlan``,
/// ``RearmPlan``, an install request and its template) and carries it out as one *change set*: an
/// intent record naming every step is fsynced before the first write, each write is sent once, a
/// write whose reply is lost is decided by reading the object back (applied, not applied — then sent
/// again — or unknown), the objects are read back and verified, and a done record says what the pool
/// now holds. The result is one ``ChangeOutcome``: what changed, old → new, the `xe` commands, what
/// was verified.
public struct PoolController: Sendable {
    /// The connection every call goes through.
    public let api: any XenAPICalling & Sendable
    /// The pool's UUID.
    public let poolUUID: String
    /// This pool's journal.
    public let journal: ChangeJournal
    /// Prefixed to every journaled command (`tui ` in the TUI).
    public let commandPrefix: String
    let now: @Sendable () -> Date

    /// A controller for the pool behind `api`, journaling into `journal`.
    public init(
        api: any XenAPICalling & Sendable, poolUUID: String, journal: ChangeJournal, commandPrefix: String = "",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.api = api
        self.poolUUID = poolUUID
        self.journal = journal
        self.commandPrefix = commandPrefix
        self.now = now
    }

    /// Reads the pool's UUID through `api` and opens that pool's journal in `stateFolder`
    /// (``ChangeJournal/stateFolder(environment:)``).
    public static func open(
        api: any XenAPICalling & Sendable, stateFolder: String, commandPrefix: String = ""
    ) throws -> PoolController {
        let uuid = try api.poolUUID()
        return PoolController(
            api: api, poolUUID: uuid, journal: try ChangeJournal(folder: stateFolder, poolUUID: uuid),
            commandPrefix: commandPrefix)
    }

    /// Sends `write` once; when its reply is lost (or the call never arrived), reads the object back:
    /// applied → done; not applied → sent once more; unknown → ``WriteUncertainError``.
    ///
    /// This is the only place a write is ever repeated, and only after a read showed it did not happen.
    /// The transport never resends a write by itself (see `CurlTransport.postOnce`).
    func perform(_ write: PlannedWrite, parameters: [XMLRPCValue]? = nil) throws -> XMLRPCValue {
        var attempts = 0
        while true {
            attempts += 1
            do {
                return try api.call(write.call.method, parameters ?? write.call.parameters)
            } catch let error as TransportError where error.kind == .connectionLost || error.kind == .timedOut {
                switch probe(write.probe) {
                case .applied(let ref): return .string(ref ?? "")
                case .notApplied where attempts < 2: continue
                case .notApplied: throw error
                case .unknown(let finding): throw WriteUncertainError(call: write.call, finding: finding)
                }
            }
        }
    }

    /// Whether the write `probe` describes took effect, read from the pool now.
    func probe(_ probe: WriteProbe) -> WriteOutcome {
        do {
            switch probe {
            case .value(let ref, let parameter, let before, let after):
                let current = parameter.value(in: try api.vmRecord(ref))
                if current == after { return .applied(nil) }
                if current == before { return .notApplied }
                return .unknown("\(parameter.xeName) is \(JournalStep.show(current))")
            case .created(let marker):
                let refs = try api.call("VM.get_by_name_label", [.string(marker)]).stringArrayValue ?? []
                if refs.isEmpty { return .notApplied }
                return refs.count == 1 ? .applied(refs[0]) : .unknown("\(refs.count) objects are named \(marker)")
            case .provisioned(let ref):
                return try api.vmRecord(ref).isATemplate ? .notApplied : .applied(nil)
            case .powerState(let ref, let state):
                return try api.vmRecord(ref).powerState == state ? .applied(nil) : .notApplied
            case .destroyed(let ref):
                return try record(ref) == nil ? .applied(nil) : .notApplied
            case .vifCreated(let vm, let device, let network):
                guard let found = try api.vifs(of: vm)[device] else { return .notApplied }
                return found.record.network == network
                    ? .applied(found.ref.rawValue) : .unknown("device \(device) of the VM is on another network")
            case .diskDestroyed(let vdi):
                do {
                    _ = try api.call("VDI.get_record", [.string(vdi)])
                    return .notApplied
                } catch let error as XenAPIError where error.code == .handleInvalid {
                    return .applied(nil)
                }
            }
        } catch {
            return .unknown("the read-back failed: \(error)")
        }
    }

    /// The VIFs of `vm` now: device → network UUID.
    func vifNetworks(of vm: Ref<VMRecord>) throws -> [String: String] {
        let vifs = try api.vifs(of: vm)
        guard !vifs.isEmpty else { return [:] }
        let networks = try api.allNetworkRecords()
        return vifs.mapValues { networks[$0.record.network]?.uuid ?? "" }
    }

    /// The record of `ref`, or `nil` when the object no longer exists.
    func record(_ ref: Ref<VMRecord>) throws -> VMRecord? {
        do {
            return try api.vmRecord(ref)
        } catch let error as XenAPIError where error.code == .handleInvalid {
            return nil
        }
    }

    /// The object with `uuid` and its record, or `nil` when none has it.
    func object(uuid: String) throws -> (ref: Ref<VMRecord>, record: VMRecord)? {
        let ref: Ref<VMRecord>
        do {
            ref = Ref(try api.call("VM.get_by_uuid", [.string(uuid)]).stringValue ?? "")
        } catch let error as XenAPIError where error.code == .uuidInvalid || error.code == .handleInvalid {
            return nil
        }
        return try record(ref).map { (ref, $0) }
    }
}
