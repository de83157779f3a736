import XMLRPC

extension SimulatorState {
    /// Every method name the simulator answers (for `system.listMethods`), generated messages included.
    var methodNames: [String] {
        var names = ["system.listMethods", "session.login_with_password", "session.logout", "session.get_this_host", "event.from", "event.get_current_id", "event.inject"]
        for className in PoolDatabase.classNames {
            names += ["get_all", "get_all_records", "get_all_records_where", "get_record", "get_by_uuid"].map { "\(className).\($0)" }
            if ClassSchema.hasField(className, "name_label") { names.append("\(className).get_by_name_label") }
            for field in ClassSchema.fields[className] ?? [] {
                names.append("\(className).get_\(field)")
                if ClassSchema.canSet(className, field) { names.append("\(className).set_\(field)") }
            }
        }
        names += Self.vmOperations.keys.sorted().map { "VM.\($0)" }
        names += Self.vmOperations.keys.sorted().map { "Async.VM.\($0)" }
        names += ["task.destroy", "task.cancel", "VDI.destroy", "Async.VDI.destroy", "VIF.create", "Async.VIF.create", "VIF.destroy", "Async.VIF.destroy"]
        return names
    }

    /// Handles one call from a client connected to host number `hostIndex` (0 = master).
    mutating func call(_ method: String, _ params: [XMLRPCValue], hostIndex: Int) -> APIResult {
        if callLog.count >= Self.callLogLimit { callLog.removeFirst(Self.callLogLimit / 2) }
        callLog.append(method)
        do {
            return try dispatch(method, params, hostIndex: hostIndex)
        } catch let failure as APIFailure {
            return .failure(failure.description)
        } catch {
            return .failure(["INTERNAL_ERROR", "\(error)"])
        }
    }

    private mutating func dispatch(_ method: String, _ params: [XMLRPCValue], hostIndex: Int) throws -> APIResult {
        switch method {
        case "system.listMethods":
            return .success(BlankRecord.strings(methodNames))
        case "session.login_with_password", "session_login_with_password":
            guard (2...4).contains(params.count) else {
                throw APIFailure("MESSAGE_PARAMETER_COUNT_MISMATCH", method, "4", String(params.count))
            }
            return .success(.string(try login(params, hostIndex: hostIndex)))
        default:
            break
        }
        guard let (className, message, isAsync) = Self.split(method), let signature = signature(className, message) else {
            if let session = params.first { try checkSession(session, hostIndex: hostIndex) }
            throw APIFailure("MESSAGE_METHOD_UNKNOWN", method)
        }
        guard params.count == signature.arity + 1 else {
            throw APIFailure("MESSAGE_PARAMETER_COUNT_MISMATCH", method, String(signature.arity), String(max(0, params.count - 1)))
        }
        let session = try checkSession(params[0], hostIndex: hostIndex)
        let arguments = Array(params.dropFirst())
        if isAsync {
            guard signature.hasAsync else {
                throw APIFailure("Fault", "No async mode for this operation (rpc: \(method))")
            }
            return .success(.string(runAsTask(method, hostIndex: hostIndex) { state in
                try state.perform(className, message, arguments, session: session)
            }))
        }
        if className == "event" && message == "from" { return try eventFrom(arguments) }
        return .success(try perform(className, message, arguments, session: session))
    }

    /// `VM.get_record` → ("VM", "get_record", false); `Async.VM.start` → async; `VM_get_record` too.
    static func split(_ method: String) -> (String, String, Bool)? {
        var name = Substring(method)
        let isAsync = name.hasPrefix("Async.")
        if isAsync { name = name.dropFirst("Async.".count) }
        if let dot = name.firstIndex(of: ".") {
            let className = String(name[..<dot])
            let known = PoolDatabase.classNames.contains(className) || className == "event" || className == "session"
            return known ? (className, String(name[name.index(after: dot)...]), isAsync) : nil
        }
        for className in (PoolDatabase.classNames + ["event", "session"]).sorted(by: { $0.count > $1.count })
        where name.hasPrefix(className + "_") {
            return (className, String(name.dropFirst(className.count + 1)), isAsync)
        }
        return nil
    }

    struct Signature {
        let arity: Int
        let hasAsync: Bool
    }

    static let vmOperations: [String: Int] = [
        "clone": 2, "copy": 3, "provision": 1, "start": 3, "start_on": 4, "clean_shutdown": 1,
        "hard_shutdown": 1, "shutdown": 1, "clean_reboot": 1, "hard_reboot": 1, "destroy": 1,
        "pause": 1, "unpause": 1,
    ]

    /// The parameter count (without the session) of a supported message, or nil if unknown.
    func signature(_ className: String, _ message: String) -> Signature? {
        switch (className, message) {
        case ("session", "logout"): return Signature(arity: 0, hasAsync: false)
        case ("session", "get_this_host"): return Signature(arity: 1, hasAsync: false)
        case ("event", "from"): return Signature(arity: 3, hasAsync: false)
        case ("event", "get_current_id"): return Signature(arity: 0, hasAsync: false)
        case ("event", "inject"): return Signature(arity: 2, hasAsync: false)
        case ("task", "destroy"), ("task", "cancel"): return Signature(arity: 1, hasAsync: false)
        case ("VDI", "destroy"), ("VIF", "create"), ("VIF", "destroy"): return Signature(arity: 1, hasAsync: true)
        case ("VM", let operation) where Self.vmOperations[operation] != nil:
            return Signature(arity: Self.vmOperations[operation] ?? 1, hasAsync: true)
        case ("session", _), ("event", _): return nil
        default: break
        }
        switch message {
        case "get_all", "get_all_records": return Signature(arity: 0, hasAsync: false)
        case "get_all_records_where", "get_record", "get_by_uuid": return Signature(arity: 1, hasAsync: false)
        case "get_by_name_label" where ClassSchema.hasField(className, "name_label"): return Signature(arity: 1, hasAsync: false)
        default: break
        }
        if message.hasPrefix("get_"), ClassSchema.hasField(className, String(message.dropFirst(4))) {
            return Signature(arity: 1, hasAsync: false)
        }
        if message.hasPrefix("set_"), ClassSchema.canSet(className, String(message.dropFirst(4))) {
            return Signature(arity: 2, hasAsync: false)
        }
        if message.hasPrefix("add_to_"), isMapField(className, String(message.dropFirst(7))) {
            return Signature(arity: 3, hasAsync: false)
        }
        if message.hasPrefix("remove_from_"), isMapField(className, String(message.dropFirst(12))) {
            return Signature(arity: 2, hasAsync: false)
        }
        if message == "add_tags" || message == "remove_tags", ClassSchema.canSet(className, "tags") {
            return Signature(arity: 2, hasAsync: false)
        }
        return nil
    }

    private func isMapField(_ className: String, _ field: String) -> Bool {
        guard ClassSchema.canSet(className, field) else { return false }
        if case .structure? = ClassSchema.sample(className, field) { return true }
        return false
    }

    /// Runs a call's work and records it in a new task (status success/failure, result as XML-RPC text).
    mutating func runAsTask(_ method: String, hostIndex: Int, _ work: (inout SimulatorState) throws -> XMLRPCValue) -> String {
        let task = BlankRecord.ref()
        let host = hostRefs.indices.contains(hostIndex) ? hostRefs[hostIndex] : (hostRefs.first ?? "OpaqueRef:NULL")
        db.create("task", ref: task, fields: BlankRecord.task(name: method, host: host))
        do {
            let value = try work(&self)
            var text: [UInt8] = []
            XMLRPCEncoder.appendValue(value, to: &text)
            db.update("task", ref: task) { record in
                record["status"] = "success"
                record["progress"] = .double(1)
                record["finished"] = BlankRecord.now()
                record["result"] = .string(String(decoding: text, as: UTF8.self))
            }
        } catch {
            let description = (error as? APIFailure)?.description ?? ["INTERNAL_ERROR", "\(error)"]
            db.update("task", ref: task) { record in
                record["status"] = "failure"
                record["progress"] = .double(1)
                record["finished"] = BlankRecord.now()
                record["error_info"] = BlankRecord.strings(description)
            }
        }
        return task
    }
}
