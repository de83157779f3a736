import App
import ArgumentParser
import Dispatch
import Foundation
import FAIControl
import Synchronization
import XenAPI

/// `xsfai vms`: the pool's VMs (not templates, snapshots or control domains) with their install state,
/// drift from their template and boot settings — the TUI's VMs pane as text.
struct VMsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vms",
        abstract: "List VMs: name, power state, host, install state, drift from the template, bootloader, PV-args.",
        discussion: """
            The install state is read from the VM's parameters as the TUI does without a console (armed, \
            half-armed, installed, aborted install?); DRIFT names the parameters that differ from the \
            template (xsfai check). PV-args are shortened only on a terminal without --wide.
            """)

    @OptionGroup var listing: RecordListing

    /// One VM as printed.
    struct Row: Codable, Equatable {
        var name: String
        var uuid: String
        var powerState: String
        var host: String
        var installState: String
        var installReason: String
        var drift: [String]
        var pvBootloader: String
        var pvArgs: String
    }

    /// The rows of `vms`' VMs (templates, snapshots and control domains left out), sorted by name,
    /// built on every core: a big pool's install states and drift checks add up.
    static func rows(_ vms: [Ref<VMRecord>: VMRecord], hosts: [Ref<HostRecord>: HostRecord]) -> [Row] {
        let templates = vms.filter { $0.value.isATemplate && !$0.value.isASnapshot }
        let resolver = TargetResolver(records: templates)
        // Indices, not a filtered copy: filtering a dictionary copies it (the records of a big pool).
        let indices = Array(vms.indices)
        let parts = min(max(indices.count / 256, 1), ProcessInfo.processInfo.activeProcessorCount * 2)
        let rowsByPart = Mutex([[Row]](repeating: [], count: parts))
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let slice = indices[indices.count * part / parts..<indices.count * (part + 1) / parts]
            let rows = slice.compactMap { index in
                let (ref, vm) = vms[index]
                return row(ref, vm, hosts: hosts, templates: templates, resolver: resolver)
            }
            rowsByPart.withLock { $0[part] = rows }
        }
        return rowsByPart.withLock { $0.joined().sorted { ($0.name, $0.uuid) < ($1.name, $1.uuid) } }
    }

    /// The row of one VM, or nil for a template, snapshot or control domain.
    private static func row(
        _ ref: Ref<VMRecord>, _ vm: VMRecord, hosts: [Ref<HostRecord>: HostRecord], templates: [Ref<VMRecord>: VMRecord],
        resolver: TargetResolver
    ) -> Row? {
        guard !vm.isATemplate && !vm.isASnapshot && !vm.isControlDomain else { return nil }
        let install = InstallState(ref: ref, record: vm, phase: .unknown, templates: templates)
        let drift = DriftChecker.isCovered(vm) ? DriftChecker.check(ref, vm, resolver: resolver) : nil
        return Row(
            name: vm.nameLabel, uuid: vm.uuid, powerState: vm.powerState.rawValue,
            host: vm.powerState == .running ? hosts[vm.residentOn]?.nameLabel ?? "" : "",
            installState: install.label, installReason: install.reason,
            drift: drift?.plan.changes.map { $0.parameter.otherConfigKey ?? $0.parameter.xeName } ?? [],
            pvBootloader: vm.pvBootloader, pvArgs: vm.pvArgs)
    }

    func run() throws {
        // The hosts are read on a second connection while the VM records (megabytes) arrive.
        let rows = { (session: XenAPISession) in
            let (vms, hosts) = try concurrently({ try session.vm.getAllRecords() }, { try session.host.getAllRecords() })
            return Self.rows(vms, hosts: hosts)
        }
        try listing.show(rows: rows) { rows in
            var table = PlainTable(headers: ["NAME", "POWER", "HOST", "INSTALL", "DRIFT", "BOOTLOADER", "PV-ARGS"])
            for row in rows {
                table.rows.append([
                    row.name, row.powerState.lowercased(), listing.cell(row.host, limit: 30),
                    listing.cell(row.installState, limit: 40), listing.cell(row.drift.joined(separator: ","), limit: 40),
                    listing.cell(row.pvBootloader, limit: 20), listing.cell(row.pvArgs, limit: 60),
                ])
            }
            return table
        }
    }
}
