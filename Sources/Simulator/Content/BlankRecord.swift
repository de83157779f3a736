import Foundation
import XMLRPC

/// Complete records for each stored class, with every field xapi sends and its real type
/// (`.int` for ints, so XML-RPC writes untyped text and JSON-RPC a bare integer).
///
/// Public for ``vm(_:)``: the benchmarks build their `VM.get_all_records` payload from the same record.
public enum BlankRecord {
    /// xapi's null reference.
    static let null: XMLRPCValue = "OpaqueRef:NULL"
    /// xapi's epoch datetime.
    static let epoch: XMLRPCValue = .dateTime("19700101T00:00:00Z")

    /// A fresh random lower-case UUID.
    static func uuid() -> String { UUID().uuidString.lowercased() }
    /// A fresh random `OpaqueRef:<uuid>`.
    static func ref() -> String { "OpaqueRef:" + uuid() }

    /// The current time in xapi's datetime format.
    static func now() -> XMLRPCValue {
        var time = time_t(Date().timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&time, &parts)
        return .dateTime(String(format: "%04d%02d%02dT%02d:%02d:%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday, parts.tm_hour, parts.tm_min, parts.tm_sec))
    }

    /// A `Set(string)` value.
    static func strings(_ values: [String]) -> XMLRPCValue { .array(values.map(XMLRPCValue.string)) }

    /// The fields that open a named object's record (SR, VDI, network, task), in xapi's order.
    static func nameAndOperations(
        _ name: String, description: String, uuid id: String = uuid(), allowed: [String] = []
    ) -> [(String, XMLRPCValue)] {
        [
            ("uuid", .string(id)),
            ("name_label", .string(name)),
            ("name_description", .string(description)),
            ("allowed_operations", strings(allowed)),
            ("current_operations", .structure(XMLRPCStruct())),
        ]
    }

    /// The configuration, attachment and QoS fields VBD and VIF records share, in xapi's order.
    static let deviceAttachment: [(String, XMLRPCValue)] = [
        ("other_config", .structure(XMLRPCStruct())),
        ("currently_attached", .bool(false)),
        ("status_code", .int(0)),
        ("status_detail", ""),
        ("runtime_properties", .structure(XMLRPCStruct())),
        ("qos_algorithm_type", ""),
        ("qos_algorithm_params", .structure(XMLRPCStruct())),
        ("qos_supported_algorithms", .array([])),
        ("metrics", null),
    ]

    /// A `Map(string → string)` value, keys in sorted order.
    static func map(_ dictionary: [String: String]) -> XMLRPCValue {
        .structure(XMLRPCStruct(dictionary.sorted { $0.key < $1.key }.map { ($0.key, XMLRPCValue.string($0.value)) }))
    }

    /// The parts of a VM record that differ between VMs.
    public struct VMShape: Sendable {
        /// `name_label`.
        public var name: String
        /// `uuid` (a random one unless set).
        public var uuid = BlankRecord.uuid()
        /// `name_description`.
        public var description = ""
        /// `is_a_template`.
        public var isTemplate = false
        /// `is_default_template`.
        public var isDefaultTemplate = false
        /// `is_control_domain` (also gives domid 0).
        public var isControlDomain = false
        /// The static and dynamic memory limits, in bytes.
        public var memory: Int64 = 512 * 1024 * 1024
        /// `VCPUs_max` and `VCPUs_at_startup`.
        public var vcpus: Int64 = 1
        /// `PV_bootloader`.
        public var bootloader = ""
        /// `PV_args`.
        public var pvArgs = ""
        /// `HVM_boot_policy` (non-empty makes an HVM VM).
        public var hvmBootPolicy = ""
        /// `other_config`.
        public var otherConfig: [String: String] = [:]
        /// `platform`.
        public var platform: [String: String] = ["viridian": "false", "nx": "true", "acpi": "1", "apic": "true", "pae": "true", "timeoffset": "0"]
        /// `recommendations` (xapi's XML restrictions text).
        public var recommendations = #"<restrictions><restriction field="memory-static-max" max="34359738368"/><restriction field="vcpus-max" max="32"/><restriction property="number-of-vbds" max="16"/><restriction property="number-of-vifs" max="7"/></restrictions>"#

        /// A halted PV VM named `name` with the defaults above.
        public init(name: String) {
            self.name = name
        }
    }

    /// A halted VM record with every field of xapi's `VM.get_record`, in xapi's order.
    public static func vm(_ shape: VMShape) -> XMLRPCStruct {
        let isHVM = !shape.hvmBootPolicy.isEmpty
        return XMLRPCStruct([
            ("uuid", .string(shape.uuid)),
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
}
