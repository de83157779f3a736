/// How a ``SimulatorServer`` is set up: its hosts, port, pool size, console pace, credentials and faults.
public struct SimulatorConfiguration: Sendable {
    /// The host addresses, all listening on the same port; the first is the pool master, the others
    /// are members that answer API calls with `HOST_IS_SLAVE [master]`. Any 127.x.y.z address works on
    /// Linux (the whole 127/8 block is loopback).
    public var hosts: [String]
    /// The TCP port every host listens on; 0 picks a free ephemeral port.
    public var port: Int
    /// How many extra realistic VMs (full ~90-field records, halted, on the default SR) to add for
    /// scale tests.
    public var extraVMs: Int
    /// Console pace: transcript lines per second; 0 plays a whole transcript as fast as possible.
    public var linesPerSecond: Double
    /// Seconds between a domain starting and its first console line (the kernel's boot time).
    public var bootDelay: Double
    /// The user name `session.login_with_password` accepts.
    public var user: String
    /// The password `session.login_with_password` accepts. Default: ``defaultPassword``.
    public var password: String
    /// Faults injected from the start; change them at run time with ``SimulatorServer/setFaults(_:)``.
    public var faults: [SimulatorFault]
    /// Paths under the simulator's Debian repository (`/repo/debian/`) to leave out, e.g.
    /// `dists/squeeze/main/installer-amd64/current/images/netboot/xen/initrd.gz`, so a start fails
    /// with BOOTLOADER_FAILED and a HEAD preflight gets 404.
    public var missingRepositoryFiles: Set<String>
    /// The product modelled (XCP-ng 8.2 by default; 8.3 has no eliloader).
    public var platform: SimulatorPlatform
    /// Installs started at boot for scale runs (`--installing K`): K generated VMs armed with
    /// eliloader and the FAI template's PV-args, started when the pool is filled.
    public var installing: Int
    /// Kernel words added to the `--installing` VMs' PV-args, e.g.
    /// `monserver=127.0.0.1 FAI_MONITOR_PORT=4711 FAI_SENDID=mac`, so they report to a monitor.
    public var installingMonitor: String?
    /// Kernel words added to the FAI template's PV-args, and so to every VM made from it, e.g.
    /// `monserver=127.0.0.1 FAI_MONITOR_PORT=4711 FAI_SENDID=mac` (the demo's own monitor).
    public var monitorArguments: String?

    /// Pool-wide networks beyond eth0's (`Pool-wide network associated with eth1`, …), for pools
    /// where an install must pick its network.
    public var extraNetworks: Int

    /// Serve a VM whose name-label holds terminal escape sequences (``HostileNames``), ESC and BEL as
    /// numeric character references, as a hostile server would (xapi drops them).
    public var hostileNames: Bool

    /// The password used when none is configured.
    public static let defaultPassword = "xenroot"

    /// Creates a configuration; every parameter has a usable default.
    public init(
        hosts: [String] = ["127.0.0.1"],
        port: Int = 0,
        extraVMs: Int = 0,
        linesPerSecond: Double = 40,
        bootDelay: Double = 0.5,
        user: String = "root",
        password: String = SimulatorConfiguration.defaultPassword,
        faults: [SimulatorFault] = [],
        missingRepositoryFiles: Set<String> = [],
        platform: SimulatorPlatform = .xcpng82,
        installing: Int = 0,
        installingMonitor: String? = nil,
        extraNetworks: Int = 0,
        monitorArguments: String? = nil,
        hostileNames: Bool = false
    ) {
        self.hostileNames = hostileNames
        self.monitorArguments = monitorArguments
        self.extraNetworks = extraNetworks
        self.installingMonitor = installingMonitor
        self.platform = platform
        self.installing = installing
        self.hosts = hosts
        self.port = port
        self.extraVMs = extraVMs
        self.linesPerSecond = linesPerSecond
        self.bootDelay = bootDelay
        self.user = user
        self.password = password
        self.faults = faults
        self.missingRepositoryFiles = missingRepositoryFiles
    }
}
