import Foundation
import XMLRPC

extension SimulatorState {
    /// The power states each operation is allowed in, as xapi's `allowed_power_states` lists them.
    static let allowedPowerStates: [String: [String]] = [
        "start": ["halted"], "start_on": ["halted"], "provision": ["halted"],
        "clean_shutdown": ["running"], "clean_reboot": ["running"], "pause": ["running"],
        "unpause": ["paused"], "hard_shutdown": ["paused", "suspended", "running"],
        "shutdown": ["paused", "suspended", "running"], "hard_reboot": ["paused", "running"],
        "destroy": ["halted", "suspended"], "clone": ["halted"], "copy": ["halted"],
    ]

    /// Operations a (non-default) template may do; everything else is VM_IS_TEMPLATE.
    static let templateAllowed: Set<String> = ["clone", "copy", "provision", "destroy"]

    /// xapi's `check_operation_error` order: power state, template, control domain.
    func checkOperation(_ operation: String, on vm: String) throws {
        guard let record = db.record("VM", ref: vm) else { throw APIFailure.handleInvalid("VM", vm) }
        if let blocked = record["blocked_operations"]?.structValue?[operation]?.stringValue {
            throw APIFailure("OPERATION_BLOCKED", vm, blocked)
        }
        let actual = (record["power_state"]?.stringValue ?? "Halted").lowercased()
        let allowed = Self.allowedPowerStates[operation] ?? []
        if !allowed.contains(actual) {
            throw APIFailure.badPowerState(vm, expected: allowed.joined(separator: ", "), actual: actual)
        }
        if record["is_a_template"]?.boolValue == true {
            let isDefault = record["is_default_template"]?.boolValue == true
            if !Self.templateAllowed.contains(operation) || (operation == "destroy" && isDefault) {
                throw APIFailure("VM_IS_TEMPLATE", vm, operation)
            }
        } else if operation == "provision" {
            throw APIFailure("ONLY_PROVISION_TEMPLATE")
        }
        if record["is_control_domain"]?.boolValue == true {
            throw APIFailure("OPERATION_NOT_ALLOWED", "This operation is not allowed on a control domain")
        }
    }

    mutating func performVMOperation(_ operation: String, _ args: [XMLRPCValue]) throws -> XMLRPCValue {
        let vm = try string(args[0])
        try checkOperation(operation, on: vm)
        switch operation {
        case "clone":
            return .string(cloneVM(vm, name: try string(args[1]), sr: nil))
        case "copy":
            let sr = try string(args[2])
            if db.contains("SR", ref: sr), db.field("SR", ref: sr, "content_type")?.stringValue == "iso" {
                throw APIFailure("OPERATION_NOT_ALLOWED", "Cannot copy a VM's disks to an ISO SR")
            }
            return .string(cloneVM(vm, name: try string(args[1]), sr: db.contains("SR", ref: sr) ? sr : nil))
        case "provision":
            try provision(vm)
        case "start":
            try startVM(vm, on: nil)
        case "start_on":
            let host = try string(args[1])
            try requireRow("host", host)
            try startVM(vm, on: host)
        case "clean_shutdown", "hard_shutdown", "shutdown":
            haltVM(vm)
        case "clean_reboot", "hard_reboot":
            rebootVM(vm)
        case "pause":
            db.set("VM", ref: vm, field: "power_state", to: "Paused")
        case "unpause":
            db.set("VM", ref: vm, field: "power_state", to: "Running")
        case "destroy":
            if otherConfig(vm)["default_template"] == "true" { throw APIFailure("VM_CANNOT_DELETE_DEFAULT_TEMPLATE") }
            destroyVM(vm)
        default:
            throw APIFailure("MESSAGE_METHOD_UNKNOWN", "VM.\(operation)")
        }
        return ""
    }

    /// `VM.clone` / `VM.copy`: a halted copy of the record with new disks (copied to `sr` if given);
    /// `is_default_template` false, a new `mac_seed`, `default_template` and `xensource_internal`
    /// dropped, `base_template_name` set when the source is a template, and the VIFs copied with new MACs.
    mutating func cloneVM(_ source: String, name: String, sr: String?) -> String {
        guard var record = db.record("VM", ref: source) else { return "OpaqueRef:NULL" }
        let ref = BlankRecord.ref()
        var config = record["other_config"]?.stringMapValue ?? [:]
        if config["mac_seed"] != nil { config["mac_seed"] = BlankRecord.uuid() }
        config["default_template"] = nil
        config["xensource_internal"] = nil
        if record["is_a_template"]?.boolValue == true, let sourceName = record["name_label"]?.stringValue {
            config["base_template_name"] = sourceName
        }
        record["uuid"] = .string(BlankRecord.uuid())
        record["name_label"] = .string(name)
        record["is_default_template"] = .bool(false)
        record["other_config"] = BlankRecord.map(config)
        record["power_state"] = "Halted"
        record["domid"] = .int(-1)
        record["resident_on"] = BlankRecord.null
        record["consoles"] = .array([])
        record["VBDs"] = .array([])
        record["VIFs"] = .array([])
        db.create("VM", ref: ref, fields: record)
        for vbd in refs(db.field("VM", ref: source, "VBDs")) {
            guard let vbdRecord = db.record("VBD", ref: vbd), let vdi = vbdRecord["VDI"]?.stringValue,
                let vdiRecord = db.record("VDI", ref: vdi)
            else { continue }
            let targetSR = sr ?? vdiRecord["SR"]?.stringValue ?? defaultSR
            let newVDI = addDisk(to: ref, sr: targetSR, name: vdiRecord["name_label"]?.stringValue ?? "",
                                 description: vdiRecord["name_description"]?.stringValue ?? "",
                                 size: vdiRecord["virtual_size"]?.int64Value ?? 0,
                                 userdevice: vbdRecord["userdevice"]?.stringValue ?? "0",
                                 bootable: vbdRecord["bootable"]?.boolValue ?? false)
            if let hostname = installedDisks[vdi] {
                installedDisks[newVDI] = hostname
                db.set("VDI", ref: newVDI, field: "physical_utilisation", to: vdiRecord["physical_utilisation"] ?? .int(0))
            }
        }
        copyVIFs(from: source, to: ref)
        refreshAllowedOperations(ref)
        return ref
    }

    /// Creates a VDI on `sr` and a VBD attaching it to `vm`; returns the VDI ref.
    @discardableResult
    mutating func addDisk(to vm: String, sr: String, name: String, description: String, size: Int64, userdevice: String, bootable: Bool) -> String {
        let vdi = BlankRecord.ref()
        let vbd = BlankRecord.ref()
        db.create("VDI", ref: vdi, fields: BlankRecord.vdi(name: name, description: description, sr: sr, size: size, used: 0))
        db.create("VBD", ref: vbd, fields: BlankRecord.vbd(vm: vm, vdi: vdi, userdevice: userdevice, bootable: bootable))
        appendRef("VDI", vdi, field: "VBDs", vbd)
        appendRef("SR", sr, field: "VDIs", vdi)
        appendRef("VM", vm, field: "VBDs", vbd)
        let allocation = db.field("SR", ref: sr, "virtual_allocation")?.int64Value ?? 0
        db.set("SR", ref: sr, field: "virtual_allocation", to: .int(allocation + size))
        return vdi
    }

    /// `VM.provision`: makes the template a VM, creates the disks of `other_config:disks` (SR by
    /// uuid; an empty `sr` means the pool's default SR) and removes `disks` and `postinstall`.
    mutating func provision(_ vm: String) throws {
        db.set("VM", ref: vm, field: "is_a_template", to: .bool(false))
        let config = otherConfig(vm)
        if let xml = config["disks"] {
            for disk in ProvisionDisk.parse(xml) {
                let sr: String
                if disk.sr.isEmpty {
                    sr = defaultSR
                } else {
                    guard let found = db.ref(forUUID: disk.sr, in: "SR") else { throw APIFailure("UUID_INVALID", "sr", disk.sr) }
                    sr = found
                }
                addDisk(to: vm, sr: sr, name: disk.device, description: "Created by template provisioner",
                        size: disk.size, userdevice: disk.device, bootable: disk.bootable)
            }
        }
        setMapEntry("VM", vm, field: "other_config", key: "disks", value: nil)
        setMapEntry("VM", vm, field: "other_config", key: "postinstall", value: nil)
        refreshAllowedOperations(vm)
    }

    /// `VM.destroy`: removes the VM and its VBDs and VIFs (VDIs stay).
    mutating func destroyVM(_ vm: String) {
        for vif in refs(vmField(vm, "VIFs")) { removeVIF(vif) }
        for vbd in refs(vmField(vm, "VBDs")) {
            if let vdi = db.field("VBD", ref: vbd, "VDI")?.stringValue { removeRef("VDI", vdi, field: "VBDs", vbd) }
            db.destroy("VBD", ref: vbd)
        }
        db.destroy("VM", ref: vm)
    }
}

/// One `<disk …/>` of a template's `other_config:disks` provisioning XML.
struct ProvisionDisk: Equatable {
    var device: String
    var size: Int64
    var sr: String
    var bootable: Bool

    /// Reads every `<disk>` element's attributes (order does not matter).
    static func parse(_ xml: String) -> [ProvisionDisk] {
        xml.components(separatedBy: "<disk").dropFirst().map { element in
            let body = element.prefix { $0 != ">" }
            func attribute(_ name: String) -> String {
                guard let start = body.range(of: " \(name)=\"") else { return "" }
                return String(body[start.upperBound...].prefix { $0 != "\"" })
            }
            return ProvisionDisk(device: attribute("device"), size: Int64(attribute("size")) ?? 0,
                                 sr: attribute("sr"), bootable: attribute("bootable") == "true")
        }
    }
}
