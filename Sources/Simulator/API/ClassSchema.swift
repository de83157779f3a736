import XMLRPC

/// Which fields each class has (taken from the blank records) and which of them the API can set.
enum ClassSchema {
    /// A blank record of every stored class, to know each field's type before any row exists.
    static let samples: [String: XMLRPCStruct] = [
        "VM": BlankRecord.vm(.init(name: "")),
        "host": BlankRecord.host(name: "", address: "", controlDomain: "", localSR: ""),
        "pool": BlankRecord.pool(master: "", defaultSR: ""),
        "SR": BlankRecord.sr(name: "", type: "", contentType: "", size: 0, shared: false),
        "VDI": BlankRecord.vdi(name: "", description: "", sr: "", size: 0, used: 0),
        "VBD": BlankRecord.vbd(vm: "", vdi: "", userdevice: "", bootable: false),
        "VIF": BlankRecord.vif(.init(vm: "", network: "", device: "0", mac: "")),
        "network": BlankRecord.network(name: "", bridge: ""),
        "console": BlankRecord.console(protocol: "", location: "", vm: "", uuid: ""),
        "task": BlankRecord.task(name: "", host: ""),
    ]

    /// The fields of every stored class, in record order.
    static let fields: [String: [String]] = samples.mapValues(\.names)

    /// The blank value of a field (its type), or nil.
    static func sample(_ className: String, _ field: String) -> XMLRPCValue? {
        samples[className]?[field]
    }

    private static let fieldSets: [String: Set<String>] = fields.mapValues(Set.init)

    /// Fields with a generated `set_<field>` (and `add_to_`/`remove_from_` for maps).
    static let settable: [String: Set<String>] = [
        "VM": [
            "name_label", "name_description", "user_version", "is_a_template", "affinity", "VCPUs_params",
            "actions_after_shutdown", "actions_after_reboot", "actions_after_crash", "PV_bootloader", "PV_kernel",
            "PV_ramdisk", "PV_args", "PV_bootloader_args", "PV_legacy_args", "HVM_boot_policy", "HVM_boot_params",
            "HVM_shadow_multiplier", "platform", "PCI_bus", "other_config", "recommendations", "xenstore_data",
            "ha_always_run", "ha_restart_priority", "tags", "blocked_operations", "suspend_SR", "has_vendor_device",
            "VCPUs_max", "VCPUs_at_startup", "memory_static_max", "memory_dynamic_max", "memory_dynamic_min",
            "memory_static_min", "domain_type", "start_delay", "shutdown_delay", "order", "is_default_template",
        ],
        "host": ["name_label", "name_description", "other_config", "tags", "logging"],
        "pool": ["name_label", "name_description", "default_SR", "suspend_image_SR", "crash_dump_SR", "other_config", "tags", "gui_config", "limit_console_sessions"],
        "SR": ["name_label", "name_description", "other_config", "tags", "sm_config"],
        "VDI": ["name_label", "name_description", "other_config", "tags", "sm_config", "xenstore_data"],
        "VBD": ["other_config", "bootable", "mode", "userdevice", "type"],
        "VIF": ["other_config", "qos_algorithm_type", "qos_algorithm_params"],
        "network": ["name_label", "name_description", "other_config", "tags"],
        "console": ["other_config"],
        "task": ["other_config"],
    ]

    static func hasField(_ className: String, _ field: String) -> Bool {
        fieldSets[className]?.contains(field) ?? false
    }

    static func canSet(_ className: String, _ field: String) -> Bool {
        settable[className]?.contains(field) ?? false
    }

    /// Converts a setter argument to the field's stored type, or fails with FIELD_TYPE_ERROR.
    static func coerce(_ value: XMLRPCValue, like current: XMLRPCValue?, field: String) throws -> XMLRPCValue {
        switch current {
        case .int?:
            if let number = value.int64Value { return .int(number) }
        case .bool?:
            if case .bool = value { return value }
        case .double?:
            if let number = value.doubleValue { return .double(number) }
        case .structure?:
            if let map = value.stringMapValue { return BlankRecord.map(map) }
        case .array?:
            if case .array = value { return value }
        case .dateTime?:
            if let text = value.stringValue { return .dateTime(text) }
        case .string?, .i4?, nil:
            if let text = value.stringValue { return .string(text) }
        }
        throw APIFailure("FIELD_TYPE_ERROR", field)
    }
}
