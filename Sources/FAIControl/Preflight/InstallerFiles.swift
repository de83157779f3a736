/// The kernel and initrd eliloader fetches for a network install, per `install-distro`.
public struct InstallerFiles: Sendable, Hashable, Codable {
    /// Alternative sets of URLs, in eliloader's order of preference; one set present is enough.
    public var alternatives: [[String]]

    /// Creates the list.
    public init(alternatives: [[String]]) { self.alternatives = alternatives }

    /// The files for `distro` from `repository`, or `nil` for a repository eliloader does not fetch
    /// over HTTP/FTP (`cdrom`, `nfs:`) or a distro without network files (`pygrub`).
    ///
    /// debianlike: `<repo>/dists/<release>/main/installer-<arch>/current/images/netboot/xen/{vmlinuz,initrd.gz}`
    /// (the `dists/<release>/` part is not added when the URL already has `/dists/`); rhlike:
    /// `images/xen/{vmlinuz,initrd.img}`, else `isolinux/{vmlinuz,initrd.img}`; sleslike:
    /// `boot/x86_64/{vmlinuz-xen,initrd-xen}` (or the i386 `-xenpae` pair).
    public static func forInstall(repository: String, distro: String, release: String?, arch: String?) -> InstallerFiles? {
        guard repository.hasPrefix("http") || repository.hasPrefix("ftp") else { return nil }
        let base = repository.hasSuffix("/") ? repository : repository + "/"
        switch distro {
        case "debianlike":
            guard let release, let arch else { return nil }
            let dists = base.contains("/dists/") ? base : base + "dists/\(release)/"
            let folder = dists + "main/installer-\(arch)/current/images/netboot/xen/"
            return InstallerFiles(alternatives: [[folder + "vmlinuz", folder + "initrd.gz"]])
        case "rhlike":
            return InstallerFiles(alternatives: [
                [base + "images/xen/vmlinuz", base + "images/xen/initrd.img"],
                [base + "isolinux/vmlinuz", base + "isolinux/initrd.img"],
            ])
        case "sleslike":
            let pair = arch == "x86_64" || arch == "amd64"
                ? ["boot/x86_64/vmlinuz-xen", "boot/x86_64/initrd-xen"]
                : ["boot/i386/vmlinuz-xenpae", "boot/i386/initrd-xenpae"]
            return InstallerFiles(alternatives: [pair.map { base + $0 }])
        default:
            return nil
        }
    }
}
