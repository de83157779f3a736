/// The Debian mirror the simulator serves under `/repo/debian/`: for each release and architecture
/// the Xen netboot installer files eliloader fetches
/// (`dists/<release>/main/installer-<arch>/current/images/netboot/xen/{vmlinuz,initrd.gz}`).
struct DebianRepository {
    /// The URL path the repository is served under.
    static let mountPath = "/repo/debian/"
    static let releases = ["lenny", "squeeze", "wheezy"]
    static let architectures = ["i386", "amd64"]

    private(set) var files: [String: [UInt8]] = [:]

    init(missing: Set<String>) {
        for release in Self.releases {
            files["dists/\(release)/Release"] = Array("Origin: Debian\nSuite: \(release)\nComponents: main\n".utf8)
            for arch in Self.architectures {
                let directory = "dists/\(release)/main/installer-\(arch)/current/images/netboot/xen/"
                files[directory + "vmlinuz"] = Array("xsfai simulator: Debian \(release) \(arch) Xen installer kernel\n".utf8)
                files[directory + "initrd.gz"] = Array("xsfai simulator: Debian \(release) \(arch) Xen installer initrd\n".utf8)
            }
        }
        for path in missing { files[path] = nil }
    }

    /// The file at `path` (relative to the repository root), or nil.
    func file(_ path: String) -> [UInt8]? { files[path] }

    /// Removes a file (a test hook for BOOTLOADER_FAILED and preflight 404s).
    mutating func remove(_ path: String) { files[path] = nil }

    /// Adds or replaces a file.
    mutating func add(_ path: String, contents: [UInt8]) { files[path] = contents }
}
