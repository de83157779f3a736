public import XenAPI

/// Whether a pool can still install PV guests the way xsfai does (eliloader fetching the installer
/// from the template's install-repository), read from its hosts' `software_version`: XCP-ng 8.3
/// retired `linux-guest-loader` (eliloader).
public enum PVInstallPath {
    /// Whether a host with this `software_version` lacks eliloader (XCP-ng 8.3 or later).
    public static func lacksEliloader(_ softwareVersion: [String: String]) -> Bool {
        let brand = softwareVersion["product_brand"] ?? ""
        let version = softwareVersion["product_version"] ?? softwareVersion["platform_version"] ?? ""
        let numbers = version.split(separator: ".").compactMap { Int($0) }
        let (major, minor) = (numbers.first ?? 0, numbers.dropFirst().first ?? 0)
        return brand.lowercased() == "xcp-ng" && (major > 8 || (major == 8 && minor >= 3))
    }

    /// Why the PV install path is unavailable on the pool of `hosts`, naming the first host without
    /// eliloader; `nil` when every host has it.
    public static func unavailability(hosts: some Sequence<HostRecord>) -> String? {
        guard let host = hosts.first(where: { lacksEliloader($0.softwareVersion) }) else { return nil }
        let version = host.softwareVersion["product_version"] ?? host.softwareVersion["platform_version"] ?? "?"
        return "the PV install path is unavailable on this pool: host \(host.nameLabel) runs XCP-ng \(version), "
            + "which retired linux-guest-loader (eliloader), so PV-bootloader=eliloader cannot boot an installer"
    }
}
