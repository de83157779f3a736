extension SimulatorState {
    /// The FAI monitor reporter of a guest booting `script`, when its PV-args name a monitor server
    /// and the script runs FAI; `FAI_SENDID=mac` uses the MAC of the VM's first VIF.
    func monitorReporter(_ vm: String, script: ConsoleScript) -> MonitorReporter? {
        let pvArgs = vmField(vm, "PV_args")?.stringValue ?? ""
        let macs = refs(vmField(vm, "VIFs")).compactMap { vif -> (String, String)? in
            guard let mac = db.field("VIF", ref: vif, "MAC")?.stringValue else { return nil }
            return (db.field("VIF", ref: vif, "device")?.stringValue ?? "", mac)
        }.sorted { $0.0 < $1.0 }
        return MonitorReporter(pvArgs: pvArgs, mac: macs.first?.1, hostname: script.hostname)
    }
}
