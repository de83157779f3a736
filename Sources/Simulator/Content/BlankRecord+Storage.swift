import XMLRPC

/// SR, VDI and VBD records.
extension BlankRecord {
    static func sr(name: String, type: String, contentType: String, size: Int64, shared: Bool) -> XMLRPCStruct {
        let allowed = ["vdi_create", "vdi_destroy", "scan", "plug", "unplug"]
        return XMLRPCStruct(nameAndOperations(name, description: "", allowed: allowed) + [
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
        let allowed = ["clone", "copy", "destroy", "snapshot"]
        return XMLRPCStruct(nameAndOperations(name, description: description, uuid: id, allowed: allowed) + [
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
        ] + deviceAttachment)
    }
}
