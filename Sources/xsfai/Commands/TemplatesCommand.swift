import ArgumentParser
import XenAPI

/// `xsfai templates`: the pool's VM templates with the install settings FAI depends on.
struct TemplatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "templates",
        abstract: "List templates: distro, release, arch, install repository, PV-args, default or custom.",
        discussion: "Repository and PV-args are shortened only on a terminal without --wide.")

    @OptionGroup var listing: RecordListing

    /// One template as printed.
    struct Row: Codable, Equatable {
        var name: String
        var uuid: String
        var distro: String
        var release: String
        var arch: String
        var installRepository: String
        var pvArgs: String
        var pvBootloader: String
        var isDefault: Bool
        var isPV: Bool
    }

    static func rows(_ vms: [Ref<VMRecord>: VMRecord]) -> [Row] {
        vms.values.filter { $0.isATemplate && !$0.isASnapshot }.map { vm in
            Row(
                name: vm.nameLabel, uuid: vm.uuid, distro: vm.otherConfig["install-distro"] ?? "",
                release: vm.otherConfig["debian-release"] ?? "", arch: vm.otherConfig["install-arch"] ?? "",
                installRepository: vm.otherConfig["install-repository"] ?? "", pvArgs: vm.pvArgs,
                pvBootloader: vm.pvBootloader, isDefault: vm.isDefaultTemplate, isPV: vm.isPV)
        }.sorted { ($0.name, $0.uuid) < ($1.name, $1.uuid) }
    }

    func run() throws {
        try listing.show(rows: { Self.rows(try $0.vm.getAllRecords()) }) { rows in
            var table = PlainTable(headers: ["NAME", "DISTRO", "RELEASE", "ARCH", "REPOSITORY", "PV-ARGS", "KIND"])
            for row in rows {
                table.rows.append([
                    row.name, dash(row.distro), dash(row.release), dash(row.arch),
                    listing.cell(row.installRepository, limit: 40), listing.cell(row.pvArgs, limit: 40),
                    (row.isDefault ? "default" : "custom") + (row.isPV ? "" : " (HVM)"),
                ])
            }
            return table
        }
    }

    private func dash(_ text: String) -> String { text.isEmpty ? "-" : text }
}
