import XMLRPC

extension SimulatorState {
    static let haltedOperations = ["start", "start_on", "clone", "copy", "destroy", "export", "provision", "snapshot"]
    static let runningOperations = ["clean_shutdown", "hard_shutdown", "clean_reboot", "hard_reboot", "shutdown", "pause", "suspend", "snapshot"]
    static let templateOperations = ["clone", "copy", "export", "provision"]

    /// Boots a halted VM on `host` (or the least loaded host): runs the bootloader, then marks it
    /// Running there and creates its consoles.
    mutating func startVM(_ vm: String, on requestedHost: String?) throws {
        let script = try bootloaderScript(vm)
        let host = requestedHost ?? leastLoadedHost()
        let domid = nextDomid
        nextDomid += 1
        db.update("VM", ref: vm) { record in
            record["power_state"] = "Running"
            record["domid"] = .int(domid)
            record["resident_on"] = .string(host)
            record["allowed_operations"] = BlankRecord.strings(Self.runningOperations)
            record["guest_metrics"] = BlankRecord.null
        }
        appendRef("host", host, field: "resident_VMs", vm)
        setVIFsAttached(vm, true)
        createConsoles(vm, host: host, script: script)
    }

    /// Stops a VM's domain: consoles go away, the VM is Halted and resident nowhere.
    mutating func haltVM(_ vm: String) {
        destroyConsoles(vm)
        if let host = vmField(vm, "resident_on")?.stringValue { removeRef("host", host, field: "resident_VMs", vm) }
        setVIFsAttached(vm, false)
        db.update("VM", ref: vm) { record in
            record["power_state"] = "Halted"
            record["domid"] = .int(-1)
            record["resident_on"] = BlankRecord.null
            record["allowed_operations"] = BlankRecord.strings(Self.haltedOperations)
        }
    }

    /// Restarts a running VM's domain on the same host: new console objects, a fresh boot through
    /// the bootloader; if the bootloader fails the VM halts.
    mutating func rebootVM(_ vm: String) {
        destroyConsoles(vm)
        guard let host = vmField(vm, "resident_on")?.stringValue, let script = try? bootloaderScript(vm) else {
            haltVM(vm)
            return
        }
        let domid = nextDomid
        nextDomid += 1
        db.set("VM", ref: vm, field: "domid", to: .int(domid))
        createConsoles(vm, host: host, script: script)
    }

    /// Records that the VM's boot disk now holds an installed system.
    mutating func completeInstall(_ vm: String, hostname: String) {
        guard let disk = bootDisk(vm) else { return }
        installedDisks[disk] = hostname
        let size = db.field("VDI", ref: disk, "virtual_size")?.int64Value ?? 0
        db.set("VDI", ref: disk, field: "physical_utilisation", to: .int(size / 8))
    }

    /// The host with the fewest resident VMs (the master on a tie).
    func leastLoadedHost() -> String {
        hostRefs.min { refs(db.field("host", ref: $0, "resident_VMs")).count < refs(db.field("host", ref: $1, "resident_VMs")).count }
            ?? hostRefs.first ?? "OpaqueRef:NULL"
    }

    func hostAddress(_ host: String) -> String {
        db.field("host", ref: host, "address")?.stringValue ?? masterAddress
    }

    /// Creates the vt100 and rfb consoles of a running VM on its host and starts the vt100 script.
    mutating func createConsoles(_ vm: String, host: String, script: ConsoleScript) {
        for kind in ["vt100", "rfb"] {
            let uuid = BlankRecord.uuid()
            let ref = "OpaqueRef:" + BlankRecord.uuid()
            let location = "http://\(hostAddress(host)):\(port)/console?uuid=\(uuid)"
            db.create("console", ref: ref, fields: BlankRecord.console(protocol: kind, location: location, vm: vm, uuid: uuid))
            appendRef("VM", vm, field: "consoles", ref)
            if kind == "vt100" {
                playbacks[ref] = ConsolePlayback(vm: vm, script: script, monitor: monitorReporter(vm, script: script))
                effects.append(.schedulePlayback(console: ref, delay: configuration.bootDelay))
            }
        }
    }

    /// Destroys a VM's console objects and disconnects their clients.
    mutating func destroyConsoles(_ vm: String) {
        for console in refs(vmField(vm, "consoles")) {
            db.destroy("console", ref: console)
            playbacks[console] = nil
            if let clients = consoleClients.removeValue(forKey: console), !clients.isEmpty {
                effects.append(.close(clients.map(\.channel)))
            }
        }
        db.set("VM", ref: vm, field: "consoles", to: .array([]))
    }
}
