import ArgumentParser
import FAIControl
import Foundation

/// `xsfai fai-kit`: writes the FAI server kit (class script, menu.lst postinst, copy script) for review.
///
/// Exit codes: 0 written; 1 files exist (without `--force`) or writing failed; 2 invalid option values.
struct FAIKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fai-kit",
        abstract: "Write the FAI config-space files for XenServer PV installs into a directory for review.",
        discussion: """
            Writes class/45-xenserver (Xen PV/HVM guests get class XENSERVER), \
            files/boot/grub/menu.lst/{XENSERVER,postinst} (menu.lst for pygrub, no MBR boot loader), \
            scripts/XENSERVER/40-pygrub-menu, scripts/copy-xen-kernel (run on the FAI server: copies the \
            nfsroot's kernel and initrd to where eliloader fetches them) and a README. Existing files are \
            never overwritten without --force.
            """)

    @Option(help: "The directory to write the kit into (created if missing).")
    var out: String

    @Option(help: "The Debian release of the installs (the VMs' other-config:debian-release).")
    var release = FAIKit.Settings().release

    @Option(help: "The install architecture (other-config:install-arch).")
    var arch = FAIKit.Settings().arch

    @Option(help: "The directory on the FAI server that the install repository URL serves.")
    var repoRoot = FAIKit.Settings().repositoryRoot

    @Flag(help: "Overwrite files that exist already.")
    var force = false

    func run() throws {
        let kit: FAIKit
        do {
            kit = try FAIKit(settings: .init(release: release, arch: arch, repositoryRoot: repoRoot))
        } catch {
            throw CommandFailure.report(CommandFailure.usage("\(error)"))
        }
        let directory = URL(fileURLWithPath: out, isDirectory: true)
        do {
            let written = try kit.write(to: directory, overwrite: force)
            let executables = Set(FAIKit.manifest.filter(\.isExecutable).map(\.path))
            for path in written {
                let mode = executables.contains(path) ? "0755" : "0644"
                ControllerOutput.say("wrote \(directory.appendingPathComponent(path).path) (\(mode))")
            }
        } catch {
            throw CommandFailure.report(error)
        }
    }
}
