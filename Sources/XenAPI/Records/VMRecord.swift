public import XMLRPC

/// A VM's power state (`vm_power_state`).
public enum VMPowerState: String, Sendable, Hashable, CaseIterable {
    case halted = "Halted"
    case paused = "Paused"
    case running = "Running"
    case suspended = "Suspended"
}

/// The fields of a VM (or template, snapshot, control domain) that xsfai reads.
///
/// Decoded from the struct `VM.get_record` / `VM.get_all_records` / event snapshots return; fields
/// xsfai does not use are skipped.
public struct VMRecord: Sendable, Hashable {
    /// Marker type for `Ref<VMRecord>`.
    public typealias Reference = Ref<VMRecord>

    public var uuid: String
    public var nameLabel: String
    public var nameDescription: String
    public var powerState: VMPowerState
    public var isATemplate: Bool
    public var isDefaultTemplate: Bool
    public var isASnapshot: Bool
    public var isControlDomain: Bool
    public var residentOn: Ref<HostRecord>
    public var affinity: Ref<HostRecord>
    public var memoryStaticMax: Int64
    public var memoryDynamicMax: Int64
    public var memoryDynamicMin: Int64
    public var memoryStaticMin: Int64
    public var vcpusMax: Int64
    public var vcpusAtStartup: Int64
    public var consoles: [Ref<ConsoleRecord>]
    public var vbds: [String]
    public var vifs: [String]
    public var pvBootloader: String
    public var pvKernel: String
    public var pvRamdisk: String
    public var pvArgs: String
    public var pvBootloaderArgs: String
    public var pvLegacyArgs: String
    public var hvmBootPolicy: String
    public var otherConfig: [String: String]
    public var platform: [String: String]
    public var domid: Int64
    public var domainType: String
    public var tags: [String]
    public var allowedOperations: [String]
    public var currentOperations: [String: String]
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
