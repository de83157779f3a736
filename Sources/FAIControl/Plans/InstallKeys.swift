/// The other-config keys eliloader reads for a network install.
public enum InstallKeys {
    /// `install-repository`: the mirror URL (or `cdrom`, `nfs:…`).
    public static let repository = "install-repository"
    /// `install-distro`: `debianlike`, `rhlike`, `sleslike` or `pygrub`; removed by eliloader at first boot.
    public static let distro = "install-distro"
    /// `debian-release`: the suite, e.g. `lenny`.
    public static let debianRelease = "debian-release"
    /// `install-arch`: `i386` or `amd64`.
    public static let arch = "install-arch"
    /// The keys a VM carries over from its template (install-distro is consumed at first boot, so it is
    /// carried by install and rearm, not compared by the drift check).
    public static let carried = [repository, distro, debianRelease, arch]
    /// xsfai's own key on a VM it installed: the UUID of the template it was made from (names are not
    /// identities; `check` and `rearm` find the template by this key first).
    public static let templateUUID = "xsfai-template-uuid"
    /// The distro eliloader assumes for these templates when none is set.
    public static let defaultDistro = "debianlike"

    /// The keys eliloader requires for `distro`: the repository, plus release and arch for debianlike.
    public static func required(for distro: String) -> [String] {
        distro == "debianlike" ? [repository, debianRelease, arch] : [repository]
    }
}
