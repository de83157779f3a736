import XMLRPC

extension SimulatorState {
    /// Runs a known message with its arguments (session already checked and removed).
    mutating func perform(_ className: String, _ message: String, _ args: [XMLRPCValue], session: String) throws -> XMLRPCValue {
        switch (className, message) {
        case ("session", "logout"):
            sessions[session] = nil
            return ""
        case ("session", "get_this_host"):
            guard sessions[try string(args[0])] != nil else { throw APIFailure("SESSION_INVALID", try string(args[0])) }
            return .string(hostRefs.first ?? "OpaqueRef:NULL")
        case ("event", "get_current_id"):
            return .int(db.generation)
        case ("event", "inject"):
            let target = try string(args[1])
            guard let className = PoolDatabase.className(matching: try string(args[0])) else {
                throw APIFailure("EVENT_SUBSCRIPTION_PARSE_FAILURE", try string(args[0]))
            }
            try requireRow(className, target)
            db.update(className, ref: target) { $0["uuid"] = $0["uuid"] }
            return .string(Self.token(db.generation))
        case ("task", "destroy"):
            try requireRow("task", try string(args[0]))
            db.destroy("task", ref: try string(args[0]))
            return ""
        case ("VDI", "destroy"):
            // As xapi: refused while a running VM uses the disk; VBDs of halted VMs go with it.
            let vdi = try string(args[0])
            try requireRow("VDI", vdi)
            for vbd in refs(db.field("VDI", ref: vdi, "VBDs")) {
                if let vm = db.field("VBD", ref: vbd, "VM")?.stringValue, vmField(vm, "power_state")?.stringValue != "Halted" {
                    throw APIFailure("VDI_IN_USE", vdi, "destroy")
                }
            }
            for vbd in refs(db.field("VDI", ref: vdi, "VBDs")) {
                if let vm = db.field("VBD", ref: vbd, "VM")?.stringValue { removeRef("VM", vm, field: "VBDs", vbd) }
                db.destroy("VBD", ref: vbd)
            }
            if let sr = db.field("VDI", ref: vdi, "SR")?.stringValue { removeRef("SR", sr, field: "VDIs", vdi) }
            installedDisks[vdi] = nil
            db.destroy("VDI", ref: vdi)
            return ""
        case ("VIF", "create"):
            return .string(try createVIF(args[0]))
        case ("VIF", "destroy"):
            try destroyVIF(try string(args[0]))
            return ""
        case ("task", "cancel"):
            try requireRow("task", try string(args[0]))
            return ""
        case ("VM", let operation) where Self.vmOperations[operation] != nil:
            return try performVMOperation(operation, args)
        default:
            return try performGeneric(className, message, args)
        }
    }

    func string(_ value: XMLRPCValue) throws -> String {
        guard let text = value.stringValue else { throw APIFailure("FIELD_TYPE_ERROR", "string") }
        return text
    }

    func requireRow(_ className: String, _ ref: String) throws {
        guard db.contains(className, ref: ref) else { throw APIFailure.handleInvalid(className, ref) }
    }

    /// The generated messages every class has: lookups, getters, setters, map add/remove.
    private mutating func performGeneric(_ className: String, _ message: String, _ args: [XMLRPCValue]) throws -> XMLRPCValue {
        switch message {
        case "get_all":
            return BlankRecord.strings(db.refs(className))
        case "get_all_records":
            return .structure(XMLRPCStruct(db.rows(className).map { ($0.ref, .structure($0.row.fields)) }))
        case "get_all_records_where":
            let expression = try string(args[0])
            let filter: RecordFilter
            do { filter = try RecordFilter(parsing: expression) } catch {
                throw APIFailure.invalidValue(expression, "\(error)")
            }
            let rows = db.rows(className).filter { filter.matches($0.row.fields) }
            return .structure(XMLRPCStruct(rows.map { ($0.ref, .structure($0.row.fields)) }))
        case "get_record":
            let ref = try string(args[0])
            guard let record = db.record(className, ref: ref) else { throw APIFailure.handleInvalid(className, ref) }
            return .structure(record)
        case "get_by_uuid":
            let uuid = try string(args[0])
            guard let ref = db.ref(forUUID: uuid, in: className) else { throw APIFailure("UUID_INVALID", className, uuid) }
            return .string(ref)
        case "get_by_name_label":
            let label = try string(args[0])
            return BlankRecord.strings(db.rows(className).filter { $0.row.fields["name_label"]?.stringValue == label }.map(\.ref))
        default:
            break
        }
        let ref = try string(args[0])
        guard let record = db.record(className, ref: ref) else { throw APIFailure.handleInvalid(className, ref) }
        if message.hasPrefix("get_") {
            return record[String(message.dropFirst(4))] ?? ""
        }
        if message.hasPrefix("set_") {
            let field = String(message.dropFirst(4))
            let value = try ClassSchema.coerce(args[1], like: ClassSchema.sample(className, field), field: field)
            db.set(className, ref: ref, field: field, to: value)
            if className == "VM" && field == "is_a_template" { refreshAllowedOperations(ref) }
            return ""
        }
        if message.hasPrefix("add_to_") {
            let field = String(message.dropFirst(7))
            let key = try string(args[1])
            let value = try string(args[2])
            guard !key.isEmpty else { throw APIFailure("INTERNAL_ERROR", "Db_exn.Empty_key_in_map") }
            if record[field]?.structValue?[key] != nil {
                throw APIFailure("MAP_DUPLICATE_KEY", className, field, ref, key)
            }
            setMapEntry(className, ref, field: field, key: key, value: value)
            return ""
        }
        if message.hasPrefix("remove_from_") {
            setMapEntry(className, ref, field: String(message.dropFirst(12)), key: try string(args[1]), value: nil)
            return ""
        }
        if message == "add_tags" || message == "remove_tags" {
            let tag = try string(args[1])
            var tags = record["tags"]?.stringArrayValue ?? []
            tags.removeAll { $0 == tag }
            if message == "add_tags" { tags.append(tag) }
            db.set(className, ref: ref, field: "tags", to: BlankRecord.strings(tags))
            return ""
        }
        throw APIFailure("MESSAGE_METHOD_UNKNOWN", "\(className).\(message)")
    }

    /// Sets `allowed_operations` from the VM's power state and template flag.
    mutating func refreshAllowedOperations(_ vm: String) {
        let isTemplate = vmField(vm, "is_a_template")?.boolValue ?? false
        let running = vmField(vm, "power_state")?.stringValue == "Running"
        let operations = isTemplate ? Self.templateOperations : running ? Self.runningOperations : Self.haltedOperations
        db.set("VM", ref: vm, field: "allowed_operations", to: BlankRecord.strings(operations))
    }
}
