import ArgumentParser
import FAIControl
import Foundation

/// `xsfai fai-kit`: writes the FAI server kit (class script, menu.lst postinst, copy script) for review.
///
/// Exit codes: 0 written; 6 files exist (refused without `--force`); 1 writing failed; 2 invalid option
/// values or an unknown template.
struct FAIKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fai-kit",
        abstract: "Write the FAI config-space files for XenServer PV installs into a directory for review.",
        discussion: """
            Writes class/45-xenserver (Xen PV/HVM guests get class XENSERVER), \
            files/boot/grub/menu.lst/{XENSERVER,postinst} (menu.lst for pygrub, no MBR boot loader), \
            scripts/XENSERVER/40-pygrub-menu, scripts/copy-xen-kernel (run on the FAI server: copies the \
            nfsroot's kernel and initrd to where eliloader fetches them) and a README that says where in \
            the FAI config space each file goes. With --template the release and architecture default to \
            that template's other-config:debian-release and install-arch (connects to the pool). Existing \
            files are never overwritten without --force (refused with exit 6).
            """)

    @Option(help: "The directory to write the kit into (created if missing).")
    var out: String

    @Option(help: "Take release and arch from this template's other-config (name-label, UUID or prefix; connects to the pool).")
    var template: String?

    @Option(help: "The Debian release of the installs (the VMs' other-config:debian-release; default: the template's, else \(FAIKit.Settings().release)).")
    var release: String?

    @Option(help: "The install architecture (other-config:install-arch; default: the template's, else \(FAIKit.Settings().arch)).")
    var arch: String?

    @Option(help: "The directory on the FAI server that the install repository URL serves.")
    var repoRoot = FAIKit.Settings().repositoryRoot

    @Flag(help: "Overwrite files that exist already.")
    var force = false

    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let settings = try ControllerFailure.reportingValue { try self.settings() }
        let kit: FAIKit
        do {
            kit = try FAIKit(settings: settings)
        } catch {
            throw CommandFailure.report(CommandFailure.usage("\(error)"))
        }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        try ControllerFailure.reporting {
            let written = try kit.write(to: directory, overwrite: force)
            let executables = Set(FAIKit.manifest.filter(\.isExecutable).map(\.path))
            for path in written {
                let mode = executables.contains(path) ? "0755" : "0644"
                ControllerOutput.say("wrote \(directory.appendingPathComponent(path).path) (\(mode))")
            }
        }
    }

    /// Release and arch from the options, else from `--template`'s other-config, else the defaults.
    private func settings() throws -> FAIKit.Settings {
        let defaults = FAIKit.Settings()
        var fromTemplate: [String: String] = [:]
        if let template, release == nil || arch == nil {
            let (_, record) = try ControllerConnection.using(connection) { try $0.resolver().resolve(template, kind: .template) }
            fromTemplate = record.otherConfig
            let used = [("debian-release", release), ("install-arch", arch)].filter { $0.1 == nil }.map { key, _ in
                "\(key)=\(fromTemplate[key] ?? "(absent: default)")"
            }
            ControllerOutput.note("xsfai: from template \(record.nameLabel): " + used.joined(separator: ", "))
        }
        return FAIKit.Settings(
            release: release ?? fromTemplate["debian-release"] ?? defaults.release,
            arch: arch ?? fromTemplate["install-arch"] ?? defaults.arch,
            repositoryRoot: repoRoot)
    }
}
