import XMLRPC

/// A deterministic `VM.get_all_records` reply for a pool of `vmCount` VMs, written the way xapi writes
/// it (every field of a real `VM.get_record`, strings and ints untyped, Status/Value wrapper).
enum VMRecordsPayload {
    /// The reply bytes; the same `vmCount` always gives the same bytes.
    static func reply(vmCount: Int) -> [UInt8] {
        var random = SplitMix64(seed: 0x5846_4149)
        var records: [(String, XMLRPCValue)] = []
        records.reserveCapacity(vmCount)
        for index in 0..<vmCount {
            records.append((random.opaqueRef(), record(index: index, random: &random)))
        }
        return XMLRPCEncoder.success(.structure(XMLRPCStruct(records)))
    }

    private static let runningOperations: [XMLRPCValue] = [
        "changing_dynamic_range", "migrate_send", "pool_migrate", "changing_VCPUs_live", "suspend",
        "hard_reboot", "hard_shutdown", "clean_reboot", "clean_shutdown", "pause", "checkpoint", "snapshot",
        "changing_memory_live", "destroy", "export", "metadata_export", "call_plugin",
    ]
    private static let haltedOperations: [XMLRPCValue] = [
        "changing_dynamic_range", "changing_static_range", "changing_shadow_memory", "changing_VCPUs",
        "make_into_template", "migrate_send", "destroy", "provision", "export", "clone",
        "copy", "snapshot", "start", "start_on", "changing_memory_limits",
    ]
    private static let recommendations = XMLRPCValue.string(
        #"<restrictions><restriction field="memory-static-max" max="1649267441664"/>"#
            + #"<restriction field="vcpus-max" max="32"/><restriction property="number-of-vbds" max="255"/>"#
            + "</restrictions>"
    )
    private static let biosStrings = XMLRPCValue.structure([
        "bios-vendor": "Xen", "bios-version": "", "system-manufacturer": "Xen",
        "system-product-name": "HVM domU", "system-version": "", "oem-1": "Xen",
        "oem-2": "MS_VM_CERT/SHA1/bdbeb6e0a816d43fa6d3fe8aaef04c2bad9d3e3d",
    ])

    /// One VM record with every field of a real `VM.get_record` (the list is long by nature).
    private static func record(index: Int, random: inout SplitMix64) -> XMLRPCValue {
        let running = index % 10 < 7
        let release = ["lenny", "squeeze", "wheezy", "jessie"][index % 4]
        let memory: Int64 = [536_870_912, 1_073_741_824, 2_147_483_648, 4_294_967_296][index % 4]
        let vcpus = Int64(1 + index % 4)
        let hostRef = XMLRPCValue.string(random.opaqueRef())
        let null = XMLRPCValue.string("OpaqueRef:NULL")
        func refs(_ count: Int) -> XMLRPCValue { .array((0..<count).map { _ in .string(random.opaqueRef()) }) }
        let uuid = random.uuid()
        let macSeed = random.uuid()
        let members: [(String, XMLRPCValue)] = [
            ("uuid", .string(uuid)),
            ("allowed_operations", .array(running ? runningOperations : haltedOperations)),
            ("current_operations", .structure(XMLRPCStruct())),
            ("name_label", .string("fai-\(release)-node-\(index)")),
            ("name_description", .string("FAI network install of Debian \(release) (PV), rack \(index % 40)")),
            ("power_state", .string(running ? "Running" : "Halted")),
            ("user_version", .int(1)),
            ("is_a_template", .bool(false)),
            ("is_default_template", .bool(false)),
            ("suspend_VDI", null),
            ("resident_on", running ? hostRef : null),
            ("scheduled_to_be_resident_on", null),
            ("affinity", hostRef),
            ("memory_overhead", .int(memory / 128 + 3_145_728)),
            ("memory_target", .int(running ? memory : 0)),
            ("memory_static_max", .int(memory)),
            ("memory_dynamic_max", .int(memory)),
            ("memory_dynamic_min", .int(memory)),
            ("memory_static_min", .int(134_217_728)),
            ("VCPUs_params", .structure(["weight": "256"])),
            ("VCPUs_max", .int(vcpus)),
            ("VCPUs_at_startup", .int(vcpus)),
            ("actions_after_shutdown", "destroy"),
            ("actions_after_reboot", "restart"),
            ("actions_after_crash", "restart"),
            ("consoles", running ? refs(2) : .array([])),
            ("VIFs", refs(1 + index % 2)),
            ("VBDs", refs(2 + index % 2)),
            ("VUSBs", .array([])),
            ("crash_dumps", .array([])),
            ("VTPMs", .array([])),
            ("PV_bootloader", index % 5 == 0 ? "eliloader" : "pygrub"),
            ("PV_kernel", ""),
            ("PV_ramdisk", ""),
            ("PV_args", .string(
                "ip=dhcp root=/dev/nfs nfsroot=10.20.0.1:/srv/fai/nfsroot-\(release) boot=live "
                    + "FAI_FLAGS=verbose,sshd,createvt FAI_ACTION=install console=hvc0"
            )),
            ("PV_bootloader_args", ""),
            ("PV_legacy_args", ""),
            ("HVM_boot_policy", ""),
            ("HVM_boot_params", .structure(XMLRPCStruct())),
            ("HVM_shadow_multiplier", .double(1)),
            ("platform", .structure([
                "timeoffset": "0", "nx": "true", "acpi": "1", "apic": "true", "pae": "true", "viridian": "false",
            ])),
            ("PCI_bus", ""),
            ("other_config", .structure([
                "install-methods": "cdrom,nfs,http,ftp", "mac_seed": .string(macSeed),
                "base_template_name": .string("Debian \(release.capitalized) (64-bit)"),
                "install-repository": "http://deb.debian.org/debian", "debian-release": .string(release),
                "install-arch": "amd64", "linux_template": "true", "last_shutdown_reason": "halted",
                "folder": .string("/fai/rack-\(index % 40)"),
            ])),
            ("domid", .int(running ? Int64(index + 1) : -1)),
            ("domarch", running ? "x64" : ""),
            ("last_boot_CPU_flags", .structure([
                "vendor": "GenuineIntel",
                "features": "1fcbfbff-f7fa3223-2d93fbff-00000023-00000001-000007ab-00000000-00000000-00001000-0c000000",
            ])),
            ("is_control_domain", .bool(false)),
            ("metrics", .string(random.opaqueRef())),
            ("guest_metrics", running ? .string(random.opaqueRef()) : null),
            ("last_booted_record", ""),
            ("recommendations", recommendations),
            ("xenstore_data", .structure(["vm-data": "", "vm-data/mmio-hole-size": "268435456"])),
            ("ha_always_run", .bool(false)),
            ("ha_restart_priority", ""),
            ("is_a_snapshot", .bool(false)),
            ("snapshot_of", null),
            ("snapshots", .array([])),
            ("snapshot_time", .dateTime("19700101T00:00:00Z")),
            ("transportable_snapshot_id", ""),
            ("blobs", .structure(XMLRPCStruct())),
            ("tags", .array(["fai", .string(release)])),
            ("blocked_operations", .structure(XMLRPCStruct())),
            ("snapshot_info", .structure(XMLRPCStruct())),
            ("snapshot_metadata", ""),
            ("parent", null),
            ("children", .array([])),
            ("bios_strings", biosStrings),
            ("protection_policy", null),
            ("is_snapshot_from_vmpp", .bool(false)),
            ("snapshot_schedule", null),
            ("is_vmss_snapshot", .bool(false)),
            ("appliance", null),
            ("start_delay", .int(0)),
            ("shutdown_delay", .int(0)),
            ("order", .int(0)),
            ("VGPUs", .array([])),
            ("attached_PCIs", .array([])),
            ("suspend_SR", null),
            ("version", .int(0)),
            ("generation_id", ""),
            ("hardware_platform_version", .int(0)),
            ("has_vendor_device", .bool(false)),
            ("requires_reboot", .bool(false)),
            ("reference_label", .string("debian-\(release)-64")),
            ("domain_type", "pv"),
            ("NVRAM", .structure(XMLRPCStruct())),
            ("pending_guidances", .array([])),
        ]
        return .structure(XMLRPCStruct(members))
    }
}

/// SplitMix64: a small, fast, deterministic generator for reproducible payloads.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A version-4-shaped UUID string.
    mutating func uuid() -> String {
        let high = next(), low = next()
        let hex = String(high, radix: 16).leftPadded(to: 16) + String(low, radix: 16).leftPadded(to: 16)
        let characters = Array(hex)
        return String(characters[0..<8]) + "-" + String(characters[8..<12]) + "-4" + String(characters[13..<16])
            + "-a" + String(characters[17..<20]) + "-" + String(characters[20..<32])
    }

    /// `OpaqueRef:<uuid>`.
    mutating func opaqueRef() -> String { "OpaqueRef:" + uuid() }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    fileprivate var capitalized: String { prefix(1).uppercased() + dropFirst() }
}
