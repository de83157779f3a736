import XMLRPC

extension SimulatorState {
    /// Runs the VM's bootloader as xenopsd would and returns what its console will print.
    ///
    /// - `eliloader` follows eliloader's first round for debianlike (see `runEliloader`).
    /// - `pygrub` boots the first bootable disk; an empty disk fails with
    ///   `BOOTLOADER_FAILED [vm, "Unable to find partition containing kernel"]`.
    /// - HVM guests and direct-kernel PV boots print nothing on the text console.
    mutating func bootloaderScript(_ vm: String) throws -> ConsoleScript {
        if let policy = vmField(vm, "HVM_boot_policy")?.stringValue, !policy.isEmpty { return .quiet }
        let bootloader = vmField(vm, "PV_bootloader")?.stringValue ?? ""
        switch bootloader {
        case "eliloader" where !configuration.platform.bootloaders.contains("eliloader"):
            throw APIFailure("UNKNOWN_BOOTLOADER", vm, bootloader)
        case "eliloader": return try runEliloader(vm)
        case "pygrub": return try runPygrub(vm)
        case "": return .quiet
        default: throw APIFailure("UNKNOWN_BOOTLOADER", vm, bootloader)
        }
    }

    /// The VDI of the VM's first bootable disk, or of its first disk.
    func bootDisk(_ vm: String) -> String? {
        let disks = refs(vmField(vm, "VBDs")).compactMap { vbd -> (vdi: String, bootable: Bool)? in
            guard db.field("VBD", ref: vbd, "type")?.stringValue == "Disk",
                let vdi = db.field("VBD", ref: vbd, "VDI")?.stringValue, db.contains("VDI", ref: vdi)
            else { return nil }
            return (vdi, db.field("VBD", ref: vbd, "bootable")?.boolValue ?? false)
        }
        return (disks.first { $0.bootable } ?? disks.first)?.vdi
    }

    private func runPygrub(_ vm: String) throws -> ConsoleScript {
        guard let disk = bootDisk(vm), let hostname = installedDisks[disk] else {
            throw APIFailure.bootloaderFailed(vm, "Unable to find partition containing kernel")
        }
        var script = ConsoleScript.installedSystemBoot(hostname: hostname)
        script.adapt(release: otherConfig(vm)["debian-release"], arch: otherConfig(vm)["install-arch"])
        return script
    }

    /// eliloader's first boot: checks `install-repository` (http/ftp/nfs/cdrom), for debianlike
    /// `debian-release` and `install-arch`, fetches the netboot `vmlinuz` and `initrd.gz`, then
    /// switches `PV_bootloader` to `pygrub` and removes `install-round` and `install-distro`.
    private mutating func runEliloader(_ vm: String) throws -> ConsoleScript {
        let config = otherConfig(vm)
        guard let repository = config["install-repository"], !repository.isEmpty else {
            throw APIFailure.bootloaderFailed(vm, "An install repository must be specified in other-config:install-repository")
        }
        let supported = repository == "cdrom" || ["http", "ftp", "nfs"].contains { repository.hasPrefix($0) }
        guard supported else {
            throw APIFailure.bootloaderFailed(vm, "Unsupported install method: \(repository)")
        }
        let distro = config["install-distro"] ?? "rhlike"
        var base = repository.hasSuffix("/") ? repository : repository + "/"
        let files: [String]
        switch distro {
        case "debianlike":
            guard let release = config["debian-release"], let arch = config["install-arch"] else {
                throw APIFailure.bootloaderFailed(vm, "Unsupported install method: debianlike needs other-config:debian-release and other-config:install-arch")
            }
            if repository == "cdrom" {
                files = [arch == "i386" ? "cdrom:install.386/xen/vmlinuz" : "cdrom:install.amd/xen/vmlinuz"]
            } else {
                if !base.contains("/dists/") { base += "dists/\(release)/" }
                let directory = base + "main/installer-\(arch)/current/images/netboot/xen/"
                files = [directory + "vmlinuz", directory + "initrd.gz"]
            }
        case "sleslike":
            files = [base + "boot/x86_64/vmlinuz-xen", base + "boot/x86_64/initrd-xen"]
        case "pygrub":
            files = []
        default:
            files = [base + "isolinux/vmlinuz", base + "isolinux/initrd.img"]
        }
        for url in files where !canFetch(url) {
            throw APIFailure.bootloaderFailed(vm, "Unable to access a required file in the specified repository: \(url).")
        }
        db.set("VM", ref: vm, field: "PV_bootloader", to: "pygrub")
        setMapEntry("VM", vm, field: "other_config", key: "install-round", value: nil)
        setMapEntry("VM", vm, field: "other_config", key: "install-distro", value: nil)
        if distro == "pygrub" { return try runPygrub(vm) }
        var script = ConsoleScript.transcript(transcripts.transcript(transcriptName(for: vm, config: config)))
        if let hostname = ConsoleScript.hostname(forNameLabel: vmField(vm, "name_label")?.stringValue ?? "") {
            script.renameHost(to: hostname)
        }
        script.adapt(release: config["debian-release"], arch: config["install-arch"])
        script.replaceCommandLine(with: vmField(vm, "PV_args")?.stringValue ?? "")
        return script
    }

    /// Whether `url` is a file of the simulator's own repository (other hosts are unreachable).
    func canFetch(_ url: String) -> Bool {
        guard url.hasPrefix("http://") else { return false }
        let rest = url.dropFirst("http://".count)
        let authority = rest.prefix { $0 != "/" }
        let path = String(rest.dropFirst(authority.count))
        let parts = authority.split(separator: ":", maxSplits: 1)
        let host = parts.first.map(String.init) ?? ""
        let urlPort = parts.count == 2 ? Int(parts[1]) : 80
        guard hostAddresses.contains(host) || host == "localhost", urlPort == port,
            path.hasPrefix(DebianRepository.mountPath)
        else { return false }
        return repository.file(String(path.dropFirst(DebianRepository.mountPath.count))) != nil
    }

    /// Which FAI transcript the installer plays: `no-fai-args` when PV-args lack `root=/dev/nfs`,
    /// `boot=live` or `FAI_ACTION`; else the test hook `other_config:xsfai-sim-scenario` (a transcript
    /// name); else `success-verbose` when FAI_FLAGS has `verbose`, `success` otherwise.
    func transcriptName(for vm: String, config: [String: String]) -> String {
        let arguments = (vmField(vm, "PV_args")?.stringValue ?? "").split(separator: " ").map(String.init)
        let hasFAIArguments = arguments.contains("root=/dev/nfs") && arguments.contains("boot=live")
            && arguments.contains { $0.hasPrefix("FAI_ACTION=") }
        guard hasFAIArguments else { return "no-fai-args" }
        if let scenario = config["xsfai-sim-scenario"], TranscriptLibrary.names.contains(scenario) { return scenario }
        let flags = arguments.first { $0.hasPrefix("FAI_FLAGS=") } ?? ""
        return flags.contains("verbose") ? "success-verbose" : "success"
    }
}
