public import XenAPI

/// Checks before an install what eliloader and the FAI installer will need: bootloader, install keys,
/// the kernel and initrd URLs (HTTP HEAD), the PV-args FAI needs, a network interface to boot the NFS
/// root over, and whether the pool ships eliloader.
public struct Preflight {
    private let prober: any URLProber

    /// Creates a preflight that checks URLs with `prober`.
    public init(prober: any URLProber) { self.prober = prober }

    /// Runs every check on `record`; `hosts` give the pool's product versions.
    public func run(_ record: VMRecord, hosts: [HostRecord]) -> PreflightReport {
        var checks: [PreflightCheck] = []
        let config = record.otherConfig
        if record.pvBootloader == "eliloader" {
            checks.append(PreflightCheck("PV-bootloader", .pass, "eliloader"))
        } else {
            let shown = record.pvBootloader.isEmpty ? "empty" : record.pvBootloader
            let fix = record.isATemplate ? "xsfai template-set \(record.nameLabel) PV-bootloader=eliloader"
                : "xsfai rearm \(record.nameLabel)"
            checks.append(PreflightCheck("PV-bootloader", .fail, "\(shown): the installer will not run (\(fix))"))
        }
        let distro = config[InstallKeys.distro].flatMap { $0.isEmpty ? nil : $0 }
        if let distro {
            checks.append(PreflightCheck("install-distro", .pass, distro))
        } else {
            checks.append(PreflightCheck("install-distro", .fail, "absent: eliloader would assume rhlike"))
        }
        let effectiveDistro = distro ?? InstallKeys.defaultDistro
        let missing = InstallKeys.required(for: effectiveDistro).filter { (config[$0] ?? "").isEmpty }
        if missing.isEmpty {
            checks.append(PreflightCheck("install keys", .pass, InstallKeys.required(for: effectiveDistro).map {
                "\($0)=\(config[$0] ?? "")"
            }.joined(separator: " ")))
        } else {
            checks.append(PreflightCheck("install keys", .fail, "missing: " + missing.map { "other-config:\($0)" }.joined(separator: ", ")))
        }
        if let repository = config[InstallKeys.repository], !repository.isEmpty {
            checks += repositoryChecks(repository, distro: effectiveDistro, config: config)
        }
        checks += Self.pvArgsChecks(record.pvArgs)
        checks.append(Self.networkCheck(record))
        checks.append(Self.eliloaderCheck(hosts))
        return PreflightReport(target: record.nameLabel, uuid: record.uuid, checks: checks)
    }

    private func repositoryChecks(_ repository: String, distro: String, config: [String: String]) -> [PreflightCheck] {
        let supported = repository == "cdrom" || ["http", "ftp", "nfs"].contains { repository.hasPrefix($0) }
        guard supported else {
            return [PreflightCheck("install-repository", .fail, "\(repository): eliloader accepts only cdrom, http, ftp or nfs")]
        }
        guard repository.hasPrefix("http") else {
            return [PreflightCheck("install-repository", .warn, "\(repository): not checked (only HTTP is probed)")]
        }
        guard let files = InstallerFiles.forInstall(
            repository: repository, distro: distro, release: config[InstallKeys.debianRelease], arch: config[InstallKeys.arch])
        else { return [] }
        var fallbacks: [PreflightCheck] = []
        for (index, alternative) in files.alternatives.enumerated() {
            let checks = alternative.map { url -> PreflightCheck in
                let name = url.hasSuffix("vmlinuz") || url.contains("vmlinuz-") ? "kernel URL" : "initrd URL"
                do {
                    let status = try prober.head(url)
                    return (200..<300).contains(status)
                        ? PreflightCheck(name, .pass, url) : PreflightCheck(name, .fail, "\(url): HTTP \(status)")
                } catch {
                    return PreflightCheck(name, .fail, "\(url): \(error)")
                }
            }
            if !checks.contains(where: { $0.status == .fail }) || index == files.alternatives.count - 1 {
                return index == 0 ? checks : fallbacks + checks
            }
            fallbacks += checks.map { PreflightCheck($0.name, .warn, $0.detail + " (trying the next location)") }
        }
        return fallbacks
    }

    /// Whether the VM has a VIF (FAI mounts its root over NFS and reports to the monitor over it); a
    /// template needs none of its own, since `xsfai install` adds one (`xe vm-install` alone does not).
    public static func networkCheck(_ record: VMRecord) -> PreflightCheck {
        let count = record.vifs.count
        if count > 0 { return PreflightCheck("network", .pass, count == 1 ? "1 VIF" : "\(count) VIFs") }
        if record.isATemplate {
            return PreflightCheck("network", .pass, "no VIF of its own: xsfai install adds one (--network); xe vm-install alone does not")
        }
        return PreflightCheck("network", .fail, "no VIF: FAI cannot mount its NFS root (xe vif-create vm-uuid=\(record.uuid) network-uuid=… device=0 mac=random)")
    }

    /// The PV-args checks: `console=hvc0`, an NFS root and `FAI_ACTION`.
    public static func pvArgsChecks(_ args: String) -> [PreflightCheck] {
        let words = args.split(separator: " ").map(String.init)
        var checks: [PreflightCheck] = []
        checks.append(
            words.contains("console=hvc0")
                ? PreflightCheck("PV-args console", .pass, "console=hvc0")
                : PreflightCheck("PV-args console", .fail, "no console=hvc0: the installer's output will not reach the text console"))
        let nfs = words.filter { $0 == "root=/dev/nfs" || $0.hasPrefix("nfsroot=") || ($0.hasPrefix("root=") && $0.contains(":/")) }
        checks.append(
            nfs.isEmpty
                ? PreflightCheck("PV-args NFS root", .fail, "no root=/dev/nfs or nfsroot=: the FAI kernel will not find its root")
                : PreflightCheck("PV-args NFS root", .pass, nfs.joined(separator: " ")))
        let action = words.first { $0.hasPrefix("FAI_ACTION=") }
        checks.append(
            action.map { PreflightCheck("PV-args FAI_ACTION", .pass, $0) }
                ?? PreflightCheck("PV-args FAI_ACTION", .fail, "no FAI_ACTION=: FAI will not install"))
        return checks
    }

    private static func eliloaderCheck(_ hosts: [HostRecord]) -> PreflightCheck {
        if let reason = PVInstallPath.unavailability(hosts: hosts) {
            return PreflightCheck("eliloader", .fail, reason)
        }
        let products = Set(hosts.map { "\($0.softwareVersion["product_brand"] ?? "?") \($0.softwareVersion["product_version"] ?? "?")" })
        return PreflightCheck("eliloader", .pass, "pool runs " + products.sorted().joined(separator: ", "))
    }
}
