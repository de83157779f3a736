import Foundation
import XMLRPC

/// Complete records for each stored class, with every field xapi sends and its real type
/// (`.int` for ints, so XML-RPC writes untyped text and JSON-RPC a bare integer).
enum BlankRecord {
    /// xapi's null reference.
    static let null: XMLRPCValue = "OpaqueRef:NULL"
    /// xapi's epoch datetime.
    static let epoch: XMLRPCValue = .dateTime("19700101T00:00:00Z")

    static func uuid() -> String { UUID().uuidString.lowercased() }
    static func ref() -> String { "OpaqueRef:" + uuid() }

    /// The current time in xapi's datetime format.
    static func now() -> XMLRPCValue {
        var time = time_t(Date().timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        return .dateTime(String(format: "%04d%02d%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec))
    }

    static func strings(_ values: [String]) -> XMLRPCValue { .array(values.map(XMLRPCValue.string)) }

    static func map(_ pairs: KeyValuePairs<String, String>) -> XMLRPCValue {
        .structure(XMLRPCStruct(pairs.map { ($0.key, XMLRPCValue.string($0.value)) }))
    }

    static func map(_ dictionary: [String: String]) -> XMLRPCValue {
        .structure(XMLRPCStruct(dictionary.sorted { $0.key < $1.key }.map { ($0.key, XMLRPCValue.string($0.value)) }))
    }

    /// The parts of a VM record that differ between VMs.
    struct VMShape {
        var name: String
        var description = ""
        var isTemplate = false
        var isDefaultTemplate = false
        var isControlDomain = false
        var memory: Int64 = 512 * 1024 * 1024
        var vcpus: Int64 = 1
        var bootloader = ""
        var pvArgs = ""
        var hvmBootPolicy = ""
        var otherConfig: [String: String] = [:]
        var platform: [String: String] = ["viridian": "false", "nx": "true", "acpi": "1", "apic": "true", "pae": "true", "timeoffset": "0"]
        var recommendations = #"<restrictions><restriction field="memory-static-max" max="34359738368"/><restriction field="vcpus-max" max="32"/><restriction property="number-of-vbds" max="16"/><restriction property="number-of-vifs" max="7"/></restrictions>"#
    }

    static func vm(_ shape: VMShape) -> XMLRPCStruct {
        let isHVM = !shape.hvmBootPolicy.isEmpty
        return XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("allowed_operations", .array([])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("name_label", .string(shape.name)),
            ("name_description", .string(shape.description)),
            ("power_state", "Halted"),
            ("user_version", .int(1)),
            ("is_a_template", .bool(shape.isTemplate)),
            ("is_default_template", .bool(shape.isDefaultTemplate)),
            ("suspend_VDI", null),
            ("resident_on", null),
            ("scheduled_to_be_resident_on", null),
            ("affinity", null),
            ("memory_overhead", .int(shape.memory / 128 + 1_048_576)),
            ("memory_target", .int(0)),
            ("memory_static_max", .int(shape.memory)),
            ("memory_dynamic_max", .int(shape.memory)),
            ("memory_dynamic_min", .int(shape.memory)),
            ("memory_static_min", .int(shape.isTemplate ? shape.memory / 2 : shape.memory)),
            ("VCPUs_params", .structure(XMLRPCStruct())),
            ("VCPUs_max", .int(shape.vcpus)),
            ("VCPUs_at_startup", .int(shape.vcpus)),
            ("actions_after_softreboot", "soft_reboot"),
            ("actions_after_shutdown", "destroy"),
            ("actions_after_reboot", "restart"),
            ("actions_after_crash", "destroy"),
            ("consoles", .array([])),
            ("VIFs", .array([])),
            ("VBDs", .array([])),
            ("VUSBs", .array([])),
            ("crash_dumps", .array([])),
            ("VTPMs", .array([])),
            ("PV_bootloader", .string(shape.bootloader)),
            ("PV_kernel", ""),
            ("PV_ramdisk", ""),
            ("PV_args", .string(shape.pvArgs)),
            ("PV_bootloader_args", ""),
            ("PV_legacy_args", ""),
            ("HVM_boot_policy", .string(shape.hvmBootPolicy)),
            ("HVM_boot_params", isHVM ? map(["order": "dc"]) : .structure(XMLRPCStruct())),
            ("HVM_shadow_multiplier", .double(1.0)),
            ("platform", map(shape.platform)),
            ("PCI_bus", ""),
            ("other_config", map(shape.otherConfig)),
            ("domid", .int(shape.isControlDomain ? 0 : -1)),
            ("domarch", ""),
            ("last_boot_CPU_flags", .structure(XMLRPCStruct())),
            ("is_control_domain", .bool(shape.isControlDomain)),
            ("metrics", null),
            ("guest_metrics", null),
            ("last_booted_record", ""),
            ("recommendations", .string(shape.recommendations)),
            ("xenstore_data", .structure(XMLRPCStruct())),
            ("ha_always_run", .bool(false)),
            ("ha_restart_priority", ""),
            ("is_a_snapshot", .bool(false)),
            ("snapshot_of", null),
            ("snapshots", .array([])),
            ("snapshot_time", epoch),
            ("transportable_snapshot_id", ""),
            ("blobs", .structure(XMLRPCStruct())),
            ("tags", .array([])),
            ("blocked_operations", .structure(XMLRPCStruct())),
            ("snapshot_info", .structure(XMLRPCStruct())),
            ("snapshot_metadata", ""),
            ("parent", null),
            ("children", .array([])),
            ("bios_strings", .structure(XMLRPCStruct())),
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
            ("reference_label", ""),
            ("domain_type", isHVM ? "hvm" : "pv"),
            ("NVRAM", .structure(XMLRPCStruct())),
            ("pending_guidances", .array([])),
            ("pending_guidances_recommended", .array([])),
            ("pending_guidances_full", .array([])),
        ])
    }

    static func host(name: String, address: String, controlDomain: String, localSR: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("name_label", .string(name)),
            ("name_description", "Default install"),
            ("memory_overhead", .int(0)),
            ("allowed_operations", strings(["provision", "evacuate", "reboot", "shutdown"])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("API_version_major", .int(2)),
            ("API_version_minor", .int(21)),
            ("API_version_vendor", "XenSource"),
            ("API_version_vendor_implementation", .structure(XMLRPCStruct())),
            ("enabled", .bool(true)),
            ("software_version", map(["product_version": "8.2.1", "product_brand": "XCP-ng", "platform_name": "XCP", "xapi": "1.20", "xen": "4.13.5", "hostname": name, "date": "2026-01-01"])),
            ("other_config", map(["agent_start_time": "1764200000.", "boot_time": "1764199900."])),
            ("capabilities", strings(["xen-3.0-x86_64", "hvm-3.0-x86_32", "hvm-3.0-x86_64"])),
            ("cpu_configuration", .structure(XMLRPCStruct())),
            ("sched_policy", "credit"),
            ("supported_bootloaders", strings(["pygrub", "eliloader"])),
            ("resident_VMs", strings([controlDomain])),
            ("logging", .structure(XMLRPCStruct())),
            ("PIFs", .array([])),
            ("suspend_image_sr", .string(localSR)),
            ("crash_dump_sr", .string(localSR)),
            ("crashdumps", .array([])),
            ("patches", .array([])),
            ("updates", .array([])),
            ("PBDs", .array([])),
            ("host_CPUs", .array([])),
            ("cpu_info", map(["cpu_count": "8", "vendor": "GenuineIntel", "modelname": "Intel(R) Xeon(R) CPU"])),
            ("hostname", .string(name)),
            ("address", .string(address)),
            ("metrics", null),
            ("license_params", .structure(XMLRPCStruct())),
            ("ha_statefiles", .array([])),
            ("ha_network_peers", .array([])),
            ("blobs", .structure(XMLRPCStruct())),
            ("tags", .array([])),
            ("external_auth_type", ""),
            ("external_auth_service_name", ""),
            ("external_auth_configuration", .structure(XMLRPCStruct())),
            ("edition", "xcp-ng"),
            ("license_server", map(["address": "localhost", "port": "27000"])),
            ("bios_strings", .structure(XMLRPCStruct())),
            ("power_on_mode", ""),
            ("power_on_config", .structure(XMLRPCStruct())),
            ("local_cache_sr", null),
            ("chipset_info", .structure(XMLRPCStruct())),
            ("PCIs", .array([])),
            ("PGPUs", .array([])),
            ("PUSBs", .array([])),
            ("ssl_legacy", .bool(false)),
            ("guest_VCPUs_params", .structure(XMLRPCStruct())),
            ("display", "enabled"),
            ("virtual_hardware_platform_versions", .array([.int(0), .int(1), .int(2)])),
            ("control_domain", .string(controlDomain)),
            ("updates_requiring_reboot", .array([])),
            ("features", .array([])),
            ("iscsi_iqn", ""),
            ("multipathing", .bool(false)),
            ("uefi_certificates", ""),
            ("certificates", .array([])),
            ("editions", strings(["xcp-ng"])),
            ("pending_guidances", .array([])),
            ("tls_verification_enabled", .bool(false)),
            ("last_software_update", epoch),
            ("https_only", .bool(false)),
        ])
    }

    static func pool(master: String, defaultSR: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("name_label", "xsfai-sim"),
            ("name_description", "Simulated pool (xsfai sim)"),
            ("master", .string(master)),
            ("default_SR", .string(defaultSR)),
            ("suspend_image_SR", .string(defaultSR)),
            ("crash_dump_SR", .string(defaultSR)),
            ("other_config", .structure(XMLRPCStruct())),
            ("ha_enabled", .bool(false)),
            ("ha_configuration", .structure(XMLRPCStruct())),
            ("ha_statefiles", .array([])),
            ("ha_host_failures_to_tolerate", .int(0)),
            ("ha_plan_exists_for", .int(0)),
            ("ha_allow_overcommit", .bool(false)),
            ("ha_overcommitted", .bool(false)),
            ("blobs", .structure(XMLRPCStruct())),
            ("tags", .array([])),
            ("gui_config", .structure(XMLRPCStruct())),
            ("health_check_config", .structure(XMLRPCStruct())),
            ("wlb_url", ""),
            ("wlb_username", ""),
            ("wlb_enabled", .bool(false)),
            ("wlb_verify_cert", .bool(false)),
            ("redo_log_enabled", .bool(false)),
            ("redo_log_vdi", null),
            ("vswitch_controller", ""),
            ("restrictions", .structure(XMLRPCStruct())),
            ("metadata_VDIs", .array([])),
            ("ha_cluster_stack", "xhad"),
            ("allowed_operations", .array([])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("guest_agent_config", .structure(XMLRPCStruct())),
            ("cpu_info", .structure(XMLRPCStruct())),
            ("policy_no_vendor_device", .bool(false)),
            ("live_patching_disabled", .bool(false)),
            ("igmp_snooping_enabled", .bool(false)),
            ("uefi_certificates", ""),
            ("is_psr_pending", .bool(false)),
            ("tls_verification_enabled", .bool(false)),
            ("repositories", .array([])),
            ("client_certificate_auth_enabled", .bool(false)),
            ("client_certificate_auth_name", ""),
            ("repository_proxy_url", ""),
            ("repository_proxy_username", ""),
            ("repository_proxy_password", null),
            ("migration_compression", .bool(false)),
            ("coordinator_bias", .bool(true)),
            ("limit_console_sessions", .bool(false)),
        ])
    }

    static func sr(name: String, type: String, contentType: String, size: Int64, shared: Bool) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("name_label", .string(name)),
            ("name_description", ""),
            ("allowed_operations", strings(["vdi_create", "vdi_destroy", "scan", "plug", "unplug"])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("VDIs", .array([])),
            ("PBDs", .array([])),
            ("virtual_allocation", .int(0)),
            ("physical_utilisation", .int(0)),
            ("physical_size", .int(size)),
            ("type", .string(type)),
            ("content_type", .string(contentType)),
            ("shared", .bool(shared)),
            ("other_config", .structure(XMLRPCStruct())),
            ("tags", .array([])),
            ("sm_config", .structure(XMLRPCStruct())),
            ("blobs", .structure(XMLRPCStruct())),
            ("local_cache_enabled", .bool(false)),
            ("introduced_by", null),
            ("clustered", .bool(false)),
            ("is_tools_sr", .bool(false)),
        ])
    }

    static func vdi(name: String, description: String, sr: String, size: Int64, used: Int64) -> XMLRPCStruct {
        let id = uuid()
        return XMLRPCStruct([
            ("uuid", .string(id)),
            ("name_label", .string(name)),
            ("name_description", .string(description)),
            ("allowed_operations", strings(["clone", "copy", "destroy", "snapshot"])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("SR", .string(sr)),
            ("VBDs", .array([])),
            ("crash_dumps", .array([])),
            ("virtual_size", .int(size)),
            ("physical_utilisation", .int(used)),
            ("type", "system"),
            ("sharable", .bool(false)),
            ("read_only", .bool(false)),
            ("other_config", .structure(XMLRPCStruct())),
            ("storage_lock", .bool(false)),
            ("location", .string(id)),
            ("managed", .bool(true)),
            ("missing", .bool(false)),
            ("parent", null),
            ("xenstore_data", .structure(XMLRPCStruct())),
            ("sm_config", .structure(XMLRPCStruct())),
            ("is_a_snapshot", .bool(false)),
            ("snapshot_of", null),
            ("snapshots", .array([])),
            ("snapshot_time", epoch),
            ("tags", .array([])),
            ("allow_caching", .bool(false)),
            ("on_boot", "persist"),
            ("metadata_of_pool", null),
            ("metadata_latest", .bool(false)),
            ("is_tools_iso", .bool(false)),
            ("cbt_enabled", .bool(false)),
        ])
    }

    static func vbd(vm: String, vdi: String, userdevice: String, bootable: Bool) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("allowed_operations", strings(["attach"])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("VM", .string(vm)),
            ("VDI", .string(vdi)),
            ("device", ""),
            ("userdevice", .string(userdevice)),
            ("bootable", .bool(bootable)),
            ("mode", "RW"),
            ("type", "Disk"),
            ("unpluggable", .bool(false)),
            ("storage_lock", .bool(false)),
            ("empty", .bool(false)),
            ("other_config", .structure(XMLRPCStruct())),
            ("currently_attached", .bool(false)),
            ("status_code", .int(0)),
            ("status_detail", ""),
            ("runtime_properties", .structure(XMLRPCStruct())),
            ("qos_algorithm_type", ""),
            ("qos_algorithm_params", .structure(XMLRPCStruct())),
            ("qos_supported_algorithms", .array([])),
            ("metrics", null),
        ])
    }

    static func console(protocol kind: String, location: String, vm: String, uuid id: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(id)),
            ("protocol", .string(kind)),
            ("location", .string(location)),
            ("VM", .string(vm)),
            ("other_config", .structure(XMLRPCStruct())),
        ])
    }

    static func task(name: String, host: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("name_label", .string(name)),
            ("name_description", ""),
            ("allowed_operations", .array([])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("created", now()),
            ("finished", epoch),
            ("status", "pending"),
            ("resident_on", .string(host)),
            ("progress", .double(0)),
            ("type", "<none/>"),
            ("result", ""),
            ("error_info", .array([])),
            ("other_config", .structure(XMLRPCStruct())),
            ("subtask_of", null),
            ("subtasks", .array([])),
            ("backtrace", "()"),
        ])
    }

    static func vif(vm: String, network: String, device: String, mac: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("allowed_operations", strings(["attach"])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("device", .string(device)),
            ("network", .string(network)),
            ("VM", .string(vm)),
            ("MAC", .string(mac)),
            ("MTU", .int(1500)),
            ("other_config", .structure(XMLRPCStruct())),
            ("currently_attached", .bool(false)),
            ("status_code", .int(0)),
            ("status_detail", ""),
            ("runtime_properties", .structure(XMLRPCStruct())),
            ("qos_algorithm_type", ""),
            ("qos_algorithm_params", .structure(XMLRPCStruct())),
            ("qos_supported_algorithms", .array([])),
            ("metrics", null),
            ("MAC_autogenerated", .bool(true)),
            ("locking_mode", "network_default"),
            ("ipv4_allowed", .array([])),
            ("ipv6_allowed", .array([])),
        ])
    }

    static func network(name: String, bridge: String) -> XMLRPCStruct {
        XMLRPCStruct([
            ("uuid", .string(uuid())),
            ("name_label", .string(name)),
            ("name_description", ""),
            ("allowed_operations", .array([])),
            ("current_operations", .structure(XMLRPCStruct())),
            ("VIFs", .array([])),
            ("PIFs", .array([])),
            ("MTU", .int(1500)),
            ("other_config", .structure(XMLRPCStruct())),
            ("bridge", .string(bridge)),
            ("managed", .bool(true)),
            ("blobs", .structure(XMLRPCStruct())),
            ("tags", .array([])),
            ("default_locking_mode", "unlocked"),
            ("assigned_ips", .structure(XMLRPCStruct())),
            ("purpose", .array([])),
        ])
    }
}
