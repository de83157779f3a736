public import XMLRPC

/// A VM's power state (`vm_power_state`).
public enum VMPowerState: String, Sendable, Hashable, CaseIterable {
    /// Not running.
    case halted = "Halted"
    /// Running but paused.
    case paused = "Paused"
    /// Running.
    case running = "Running"
    /// Suspended to disk.
    case suspended = "Suspended"
}

/// The fields of a VM (or template, snapshot, control domain) that xsfai reads.
///
/// Decoded from the struct `VM.get_record` / `VM.get_all_records` / event snapshots return; fields
/// xsfai does not use are skipped.
public struct VMRecord: Sendable, Hashable {
    /// Marker type for `Ref<VMRecord>`.
    public typealias Reference = Ref<VMRecord>

    /// The object's UUID (stable across sessions, unlike the ref).
    public var uuid: String
    /// The human-readable name (`name_label`).
    public var nameLabel: String
    /// The free-text description (`name_description`).
    public var nameDescription: String
    /// Halted, Paused, Running or Suspended (`power_state`).
    public var powerState: VMPowerState
    /// Whether this is a template rather than a VM (`is_a_template`).
    public var isATemplate: Bool
    /// Whether this is one of the templates shipped with the product (`is_default_template`).
    public var isDefaultTemplate: Bool
    /// Whether this is a snapshot of another VM (`is_a_snapshot`).
    public var isASnapshot: Bool
    /// Whether this is a host's control domain, dom0 (`is_control_domain`).
    public var isControlDomain: Bool
    /// The host the VM runs on; null when halted (`resident_on`).
    public var residentOn: Ref<HostRecord>
    /// The host the VM prefers to start on; null for none (`affinity`).
    public var affinity: Ref<HostRecord>
    /// Upper static memory limit in bytes (`memory_static_max`).
    public var memoryStaticMax: Int64
    /// Upper dynamic memory limit in bytes (`memory_dynamic_max`).
    public var memoryDynamicMax: Int64
    /// Lower dynamic memory limit in bytes (`memory_dynamic_min`).
    public var memoryDynamicMin: Int64
    /// Lower static memory limit in bytes (`memory_static_min`).
    public var memoryStaticMin: Int64
    /// The most virtual CPUs the VM can have (`VCPUs_max`).
    public var vcpusMax: Int64
    /// Virtual CPUs at boot (`VCPUs_at_startup`).
    public var vcpusAtStartup: Int64
    /// The VM's consoles; empty while halted (`consoles`).
    public var consoles: [Ref<ConsoleRecord>]
    /// References of the virtual block devices (`VBDs`).
    public var vbds: [String]
    /// References of the virtual network interfaces (`VIFs`).
    public var vifs: [String]
    /// The PV bootloader: `eliloader` for a network install, `pygrub` for an installed system (`PV_bootloader`).
    public var pvBootloader: String
    /// Path of the PV kernel in dom0, when no bootloader is used (`PV_kernel`).
    public var pvKernel: String
    /// Path of the PV initrd in dom0 (`PV_ramdisk`).
    public var pvRamdisk: String
    /// The kernel command line; FAI's NFS root and action arguments go here (`PV_args`).
    public var pvArgs: String
    /// Extra arguments to the bootloader (`PV_bootloader_args`).
    public var pvBootloaderArgs: String
    /// Arguments for legacy (pre-Xen-3.0) kernels (`PV_legacy_args`).
    public var pvLegacyArgs: String
    /// Empty for PV guests, `BIOS order` for HVM (`HVM_boot_policy`).
    public var hvmBootPolicy: String
    /// Free key/value settings (`other_config`); eliloader reads `install-repository`,
    /// `install-distro`, `debian-release` and `install-arch` here.
    public var otherConfig: [String: String]
    /// Platform flags such as `nx`, `acpi`, `viridian` (`platform`).
    public var platform: [String: String]
    /// The running domain's id; -1 when halted (`domid`).
    public var domid: Int64
    /// `pv`, `hvm`, `pvh` or `unspecified` (`domain_type`).
    public var domainType: String
    /// User tags (`tags`).
    public var tags: [String]
    /// Operations xapi allows now, e.g. `start`, `clone` (`allowed_operations`).
    public var allowedOperations: [String]
    /// Operations in progress: task ref → operation (`current_operations`).
    public var currentOperations: [String: String]
    /// Operations blocked by an administrator: operation → reason (`blocked_operations`).
    public var blockedOperations: [String: String]

    /// Whether the VM boots paravirtualized (an empty `HVM_boot_policy`).
    public var isPV: Bool { hvmBootPolicy.isEmpty }

    /// Decodes a VM record struct.
    public init(xmlrpc value: XMLRPCValue) throws {
        let fields = try RecordFields(value, className: "VM")
        uuid = try fields.string("uuid")
        nameLabel = try fields.string("name_label")
        nameDescription = try fields.string("name_description")
        powerState = try fields.enumeration("power_state")
        isATemplate = try fields.bool("is_a_template")
        isDefaultTemplate = try fields.bool("is_default_template")
        isASnapshot = try fields.bool("is_a_snapshot")
        isControlDomain = try fields.bool("is_control_domain")
        residentOn = try fields.ref("resident_on")
        affinity = try fields.ref("affinity")
        memoryStaticMax = try fields.int("memory_static_max")
        memoryDynamicMax = try fields.int("memory_dynamic_max")
        memoryDynamicMin = try fields.int("memory_dynamic_min")
        memoryStaticMin = try fields.int("memory_static_min")
        vcpusMax = try fields.int("VCPUs_max")
        vcpusAtStartup = try fields.int("VCPUs_at_startup")
        consoles = try fields.refs("consoles")
        vbds = try fields.strings("VBDs")
        vifs = try fields.strings("VIFs")
        pvBootloader = try fields.string("PV_bootloader")
        pvKernel = try fields.string("PV_kernel")
        pvRamdisk = try fields.string("PV_ramdisk")
        pvArgs = try fields.string("PV_args")
        pvBootloaderArgs = try fields.string("PV_bootloader_args")
        pvLegacyArgs = try fields.string("PV_legacy_args")
        hvmBootPolicy = try fields.string("HVM_boot_policy")
        otherConfig = try fields.stringMap("other_config")
        platform = try fields.stringMap("platform")
        domid = try fields.int("domid")
        domainType = try fields.string("domain_type")
        tags = try fields.strings("tags")
        allowedOperations = try fields.strings("allowed_operations")
        currentOperations = try fields.stringMap("current_operations")
        blockedOperations = try fields.stringMap("blocked_operations")
    }
}
