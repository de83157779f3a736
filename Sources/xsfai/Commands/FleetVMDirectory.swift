import FAIMonitor
import Foundation
import Synchronization
import XenAPI

/// The pool's VMs with their VIF MACs for mapping monitor senders, read when a pool is given and
/// read again when a sender maps to nothing, as a new VM may have appeared (a VM installed after
/// the fleet started): at most once a second for a sender not looked up since the last read, at
/// most every 5 s for one still unmapped then (so a stream of unknown senders costs few reads).
final class FleetVMDirectory: Sendable {
    private let session: XenAPISession
    private let state: Mutex<(mapping: SenderMapping, readAt: Date, missed: Set<String>)>

    /// Reads the pool given by `connection`; `nil` when no pool was given (no URL, profile or $XSFAI_URL).
    convenience init?(_ connection: ConnectionOptions) throws {
        guard connection.url != nil || connection.pool != nil || ProcessInfo.processInfo.environment["XSFAI_URL"] != nil
        else { return nil }
        let (session, _) = try connection.connect()
        try self.init(session: session)
    }

    init(session: XenAPISession) throws {
        self.session = session
        state = Mutex((try Self.read(session), Date(), []))
    }

    deinit { session.logout() }

    /// The VM `sender` belongs to.
    func vm(for sender: String) -> (vm: SenderMapping.Candidate, match: SenderMapping.Match)? {
        if let found = state.withLock({ $0.mapping.vm(for: sender) }) { return found }
        let due = state.withLock { state in
            let age = Date().timeIntervalSince(state.readAt)
            return age >= 5 || (!state.missed.contains(sender) && age >= 1)
        }
        guard due, let fresh = try? Self.read(session) else { return nil }
        let found = fresh.vm(for: sender)
        state.withLock { $0 = (fresh, Date(), found == nil ? [sender] : []) }
        return found
    }

    private static func read(_ session: XenAPISession) throws -> SenderMapping {
        let vms = try session.vm.getAllRecords()
        let vifs = try session.vif.getAllRecords().values
        let macs = Dictionary(grouping: vifs, by: \.vm).mapValues { $0.sorted { $0.device < $1.device }.map(\.mac) }
        return SenderMapping(vms.compactMap { ref, vm in
            guard !vm.isATemplate, !vm.isASnapshot, !vm.isControlDomain else { return nil }
            return SenderMapping.Candidate(uuid: vm.uuid, name: vm.nameLabel, macs: macs[ref] ?? [])
        })
    }
}
