import FAIMonitor
import Foundation
import Synchronization
import XenAPI

/// The pool's VMs with their VIF MACs for mapping monitor senders, read when a pool is given and
/// read again (at most every 5 s) when a sender maps to nothing, as a new VM may have appeared.
final class FleetVMDirectory: Sendable {
    private let session: XenAPISession
    private let state: Mutex<(mapping: SenderMapping, readAt: Date)>

    /// Reads the pool given by `connection`; `nil` when no pool was given (no URL, profile or $XSFAI_URL).
    convenience init?(_ connection: ConnectionOptions) throws {
        guard connection.url != nil || connection.pool != nil || ProcessInfo.processInfo.environment["XSFAI_URL"] != nil
        else { return nil }
        let (session, _) = try connection.connect()
        try self.init(session: session)
    }

    init(session: XenAPISession) throws {
        self.session = session
        state = Mutex((try Self.read(session), Date()))
    }

    deinit { session.logout() }

    /// The VM `sender` belongs to.
    func vm(for sender: String) -> (vm: SenderMapping.Candidate, match: SenderMapping.Match)? {
        if let found = state.withLock({ $0.mapping.vm(for: sender) }) { return found }
        guard state.withLock({ Date().timeIntervalSince($0.readAt) >= 5 }), let fresh = try? Self.read(session) else { return nil }
        state.withLock { $0 = (fresh, Date()) }
        return fresh.vm(for: sender)
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
