import ArgumentParser
import XenAPI

/// `xsfai vms`: the pool's VMs (not templates, snapshots or control domains) with their boot settings.
struct VMsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "vms", abstract: "List VMs: name, power state, host, bootloader, PV-args.")

    @OptionGroup var listing: RecordListing

    /// One VM as printed.
    struct Row: Codable, Equatable {
        var name: String
        var uuid: String
        var powerState: String
        var host: String
        var pvBootloader: String
        var pvArgs: String
    }

    static func rows(_ vms: [Ref<VMRecord>: VMRecord], hosts: [Ref<HostRecord>: HostRecord]) -> [Row] {
        vms.values.filter { !$0.isATemplate && !$0.isASnapshot && !$0.isControlDomain }.map { vm in
            Row(
                name: vm.nameLabel, uuid: vm.uuid, powerState: vm.powerState.rawValue,
                host: hosts[vm.residentOn]?.nameLabel ?? "", pvBootloader: vm.pvBootloader, pvArgs: vm.pvArgs)
        }.sorted { ($0.name, $0.uuid) < ($1.name, $1.uuid) }
    }

    func run() throws {
        // The hosts are read on a second connection while the VM records (megabytes) arrive.
        let rows = { (session: XenAPISession) in
            let (vms, hosts) = try concurrently({ try session.vm.getAllRecords() }, { try session.host.getAllRecords() })
            return Self.rows(vms, hosts: hosts)
        }
        try listing.show(rows: rows) { rows in
            var table = PlainTable(headers: ["NAME", "POWER", "HOST", "BOOTLOADER", "PV-ARGS"])
            for row in rows {
                table.rows.append([
                    row.name, row.powerState, row.host.isEmpty ? "-" : row.host,
                    row.pvBootloader.isEmpty ? "-" : row.pvBootloader,
                    row.pvArgs.isEmpty ? "-" : PlainTable.shortened(row.pvArgs, to: 60),
                ])
            }
            return table
        }
    }
}
