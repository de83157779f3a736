/// Which product the simulated pool is: its hosts' `software_version` and whether eliloader exists.
public enum SimulatorPlatform: String, Sendable, CaseIterable {
    /// XCP-ng 8.2: eliloader (linux-guest-loader) installs PV guests from a repository.
    case xcpng82 = "xcp-ng-8.2"
    /// XCP-ng 8.3: linux-guest-loader retired; only pygrub remains, a start with eliloader fails.
    case xcpng83 = "xcp-ng-8.3"

    /// `software_version:product_version`.
    var productVersion: String { self == .xcpng82 ? "8.2.1" : "8.3.0" }
    /// `software_version:xen`.
    var xenVersion: String { self == .xcpng82 ? "4.13.5" : "4.17.5" }
    /// `supported_bootloaders`.
    var bootloaders: [String] { self == .xcpng82 ? ["pygrub", "eliloader"] : ["pygrub"] }
}
