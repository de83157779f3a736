import Foundation
import Testing

@testable import FAIControl
import TestScratch

@Suite("FAI server kit")
struct FAIKitTests {
    // MARK: - Helpers

    private struct ScriptRun {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    private static func temporaryDirectory() throws -> URL {
        Scratch.folderURL("xsfai-kit")
    }

    private static func writeKit(_ settings: FAIKit.Settings = .init()) throws -> URL {
        let directory = try temporaryDirectory()
        try FAIKit(settings: settings).write(to: directory)
        return directory
    }

    /// Runs `script` with the real `/bin/sh`.
    private static func run(_ script: URL, _ arguments: [String] = [], environment: [String: String] = [:]) throws
        -> ScriptRun
    {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = [script.path] + arguments
        process.environment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin"].merging(environment) { $1 }
        let output = Pipe()
        let errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        let stderr = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ScriptRun(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }

    private static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    private static func permissions(_ url: URL) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
        return try #require(attributes[.posixPermissions] as? Int)
    }

    // MARK: - Writer

    @Test func writesTheConfigSpaceLayoutWithPermissions() throws {
        let directory = try Self.writeKit(.init(release: "squeeze", arch: "amd64", repositoryRoot: "/srv/repo/debian"))
        defer { try? FileManager.default.removeItem(at: directory) }
        for entry in FAIKit.manifest {
            let url = directory.appendingPathComponent(entry.path)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(!text.contains("@RELEASE@") && !text.contains("@ARCH@") && !text.contains("@REPO_ROOT@"), "\(entry.path)")
            #expect(try Self.permissions(url) == (entry.isExecutable ? 0o755 : 0o644), "\(entry.path)")
            if entry.isExecutable { #expect(text.hasPrefix("#! /bin/sh\n"), "\(entry.path)") }
        }
        let copy = try String(contentsOf: directory.appendingPathComponent("scripts/copy-xen-kernel"), encoding: .utf8)
        #expect(copy.contains("release=${XSFAI_RELEASE:-'squeeze'}"))
        #expect(copy.contains("arch=${XSFAI_ARCH:-'amd64'}"))
        #expect(copy.contains("repo_root=${XSFAI_REPO_ROOT:-'/srv/repo/debian'}"))
    }

    @Test func refusesToOverwriteWithoutForceAndWritesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Self.write("mine\n", to: directory.appendingPathComponent("class/45-xenserver"))
        let kit = try FAIKit()
        #expect(throws: FAIKit.Error.filesExist(["class/45-xenserver"])) { try kit.write(to: directory) }
        #expect(!FileManager.default.fileExists(atPath: directory.appendingPathComponent("README").path))
        try kit.write(to: directory, overwrite: true)
        let text = try String(contentsOf: directory.appendingPathComponent("class/45-xenserver"), encoding: .utf8)
        #expect(text.contains("XENSERVER"))
    }

    @Test func rejectsSettingsThatWouldBreakTheScripts() {
        #expect(throws: FAIKit.Error.invalidName(field: "release", value: "len ny")) {
            try FAIKit(settings: .init(release: "len ny"))
        }
        #expect(throws: FAIKit.Error.invalidName(field: "arch", value: "")) { try FAIKit(settings: .init(arch: "")) }
        #expect(throws: FAIKit.Error.invalidRepositoryRoot("srv/repo")) {
            try FAIKit(settings: .init(repositoryRoot: "srv/repo"))
        }
        #expect(throws: FAIKit.Error.invalidRepositoryRoot("/srv/it's")) {
            try FAIKit(settings: .init(repositoryRoot: "/srv/it's"))
        }
    }

    // MARK: - Class script

    @Test(arguments: [
        ("pv", "Linux version 2.6.26-2-xen-686\nBooting paravirtualized kernel on Xen\nXen version: 3.4.2 (preserve-AD)\n", true),
        ("hvm", "Linux version 4.19.0-6-amd64\nHypervisor detected: Xen HVM\nXen version 4.7.\nXen HVM callback vector for event delivery is enabled\n", true),
        ("hvm-platform-pci", "Linux version 3.2.0-4-amd64\nxen-platform-pci 0000:00:03.0: I/O protocol version 1\n", true),
        ("bare-metal", "Linux version 4.19.0-6-amd64\nBooting paravirtualized kernel on bare hardware\nACPI: RSDP 0x00000000000F0490\n", false),
        ("kvm", "Linux version 5.10.0-8-amd64\nHypervisor detected: KVM\nBooting paravirtualized kernel on KVM\n", false),
    ])
    func classScriptDetectsXenGuests(name: String, kernelLog: String, isXen: Bool) throws {
        let directory = try Self.writeKit()
        defer { try? FileManager.default.removeItem(at: directory) }
        let log = directory.appendingPathComponent("dmesg-\(name).txt")
        try Self.write(kernelLog, to: log)
        let result = try Self.run(
            directory.appendingPathComponent("class/45-xenserver"), environment: ["XENSERVER_KERNEL_LOG": log.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == (isXen ? "XENSERVER\n" : ""))
        if name.hasPrefix("hvm") { #expect(result.stderr.contains("Xen HVM guest")) }
        if name == "pv" { #expect(result.stderr.contains("Xen PV guest")) }
    }

    @Test func classScriptFailsOnAnUnreadableLog() throws {
        let directory = try Self.writeKit()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try Self.run(
            directory.appendingPathComponent("class/45-xenserver"),
            environment: ["XENSERVER_KERNEL_LOG": directory.appendingPathComponent("missing").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("cannot read XENSERVER_KERNEL_LOG"))
        #expect(result.stdout.isEmpty)
    }

    // MARK: - menu.lst postinst

    @Test func postinstWritesAPygrubMenuForTheInstalledKernel() throws {
        let directory = try Self.writeKit()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("target")
        try Self.write("kernel", to: target.appendingPathComponent("boot/vmlinuz-2.6.26-2-xen-686"))
        try Self.write("initrd", to: target.appendingPathComponent("boot/initrd.img-2.6.26-2-xen-686"))
        let menu = target.appendingPathComponent("boot/grub/menu.lst")
        let result = try Self.run(
            directory.appendingPathComponent("files/boot/grub/menu.lst/postinst"), ["XENSERVER", menu.path],
            environment: ["target": target.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: menu, encoding: .utf8)
        #expect(text.contains("\nroot (hd0,0)\n"))
        #expect(text.contains("\nkernel /boot/vmlinuz-2.6.26-2-xen-686 root=/dev/xvda1 ro console=hvc0\n"))
        #expect(text.contains("\ninitrd /boot/initrd.img-2.6.26-2-xen-686\n"))
        #expect(text.contains("# kopt=root=/dev/xvda1 ro console=hvc0\n"))
        #expect(text.contains("# groot=(hd0,0)\n"))
        #expect(try Self.permissions(menu) == 0o644)
    }

    @Test func postinstIgnoresOtherClassesAndFailsWithoutAKernel() throws {
        let directory = try Self.writeKit()
        defer { try? FileManager.default.removeItem(at: directory) }
        let postinst = directory.appendingPathComponent("files/boot/grub/menu.lst/postinst")
        let target = directory.appendingPathComponent("target")
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        let other = try Self.run(postinst, ["GRUB", "/dev/null"], environment: ["target": target.path])
        #expect(other.status == 0)
        #expect(!FileManager.default.fileExists(atPath: target.appendingPathComponent("boot/grub/menu.lst").path))
        let missing = try Self.run(postinst, ["XENSERVER"], environment: ["target": target.path])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no kernel"))
        let unset = try Self.run(postinst, ["XENSERVER"])
        #expect(unset.status == 1)
        #expect(unset.stderr.contains("$target is not set"))
    }

    @Test func postinstNeverInstallsABootLoader() throws {
        let text = try #require(try FAIKit().files().first { $0.path == "files/boot/grub/menu.lst/postinst" }).contents
        let commands = text.split(separator: "\n").filter { !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
        #expect(!commands.contains { $0.contains("grub-install") || $0.contains("install-mbr") || $0.contains("/dev/xvda ") })
    }

    // MARK: - copy-xen-kernel

    private struct CopyTree {
        var base: URL
        var kit: URL
        var nfsroot: URL
        var repository: URL
        var destination: URL
        var script: URL { kit.appendingPathComponent("scripts/copy-xen-kernel") }
    }

    private static func copyTree(withKernel: Bool = true) throws -> CopyTree {
        let base = try temporaryDirectory()
        let repository = base.appendingPathComponent("repo with space/debian")
        try FileManager.default.createDirectory(at: repository, withIntermediateDirectories: true)
        let kit = base.appendingPathComponent("kit")
        try FAIKit(settings: .init(release: "lenny", arch: "i386", repositoryRoot: repository.path)).write(to: kit)
        let nfsroot = base.appendingPathComponent("nfsroot")
        try FileManager.default.createDirectory(at: nfsroot.appendingPathComponent("boot"), withIntermediateDirectories: true)
        if withKernel {
            try write("old kernel", to: nfsroot.appendingPathComponent("boot/vmlinuz-2.6.9-1-xen-686"))
            try write("old initrd", to: nfsroot.appendingPathComponent("boot/initrd.img-2.6.9-1-xen-686"))
            try write("xen kernel", to: nfsroot.appendingPathComponent("boot/vmlinuz-2.6.26-2-xen-686"))
            try write("xen initrd", to: nfsroot.appendingPathComponent("boot/initrd.img-2.6.26-2-xen-686"))
        }
        let destination = repository.appendingPathComponent("dists/lenny/main/installer-i386/current/images/netboot/xen")
        return CopyTree(base: base, kit: kit, nfsroot: nfsroot, repository: repository, destination: destination)
    }

    @Test func copyScriptPutsTheNewestKernelWhereEliloaderLooks() throws {
        let tree = try Self.copyTree()
        defer { try? FileManager.default.removeItem(at: tree.base) }
        let result = try Self.run(tree.script, [tree.nfsroot.path])
        #expect(result.status == 0, "\(result.stderr)")
        let kernel = tree.destination.appendingPathComponent("vmlinuz")
        let initrd = tree.destination.appendingPathComponent("initrd.gz")
        #expect(try String(contentsOf: kernel, encoding: .utf8) == "xen kernel")
        #expect(try String(contentsOf: initrd, encoding: .utf8) == "xen initrd")
        #expect(try Self.permissions(kernel) == 0o644)
        #expect(result.stdout.contains("copied \(tree.nfsroot.path)/boot/vmlinuz-2.6.26-2-xen-686 -> \(kernel.path)"))
    }

    @Test func copyScriptDryRunChangesNothing() throws {
        let tree = try Self.copyTree()
        defer { try? FileManager.default.removeItem(at: tree.base) }
        let result = try Self.run(tree.script, ["--dry-run", tree.nfsroot.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("would copy \(tree.nfsroot.path)/boot/initrd.img-2.6.26-2-xen-686"))
        #expect(!FileManager.default.fileExists(atPath: tree.destination.path))
    }

    @Test func copyScriptExplainsAMissingKernel() throws {
        let tree = try Self.copyTree(withKernel: false)
        defer { try? FileManager.default.removeItem(at: tree.base) }
        let result = try Self.run(tree.script, [tree.nfsroot.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no kernel \(tree.nfsroot.path)/boot/vmlinuz-* in the nfsroot"))
        let noRoot = try Self.run(tree.script, [tree.nfsroot.path], environment: ["XSFAI_REPO_ROOT": "/nonexistent/repo"])
        #expect(noRoot.status == 1)
        #expect(noRoot.stderr.contains("repository root /nonexistent/repo does not exist"))
        let noNfsroot = try Self.run(tree.script, ["/nonexistent/nfsroot"])
        #expect(noNfsroot.status == 1)
        #expect(noNfsroot.stderr.contains("nfsroot /nonexistent/nfsroot does not exist"))
    }
}
