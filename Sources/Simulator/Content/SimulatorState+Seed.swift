import Foundation
import XMLRPC

extension SimulatorState {
    /// The custom FAI template's name.
    static let faiTemplateName = "FAI Squeeze 64"
    /// The PV-args of the FAI template (the seed's FAI kernel command line).
    static let faiPVArgs = "console=hvc0 root=/dev/nfs nfsroot=192.168.33.250:/srv/fai/nfsroot boot=live FAI_FLAGS=verbose,sshd FAI_ACTION=install"
    /// The default templates' PV-args.
    static let templatePVArgs = "-- quiet console=hvc0"
    static let diskXML = #"<provision><disk device="0" size="8589934592" sr="" bootable="true" type="system"/></provision>"#

    /// Fills the pool: hosts with their control domains, SRs, the network, default Debian PV and HVM
    /// templates, the custom FAI template, and VMs in the states an operator meets.
    mutating func seedPool() {
        let defaultSR = BlankRecord.ref()
        db.create("SR", ref: defaultSR, fields: BlankRecord.sr(name: "Shared NFS storage", type: "nfs", contentType: "user", size: 2_000_000_000_000, shared: true))
        let isoSR = BlankRecord.ref()
        db.create("SR", ref: isoSR, fields: BlankRecord.sr(name: "ISO library", type: "iso", contentType: "iso", size: 100_000_000_000, shared: true))
        let network = addNetworks()

        for (index, address) in hostAddresses.enumerated() {
            let host = BlankRecord.ref()
            let dom0 = BlankRecord.ref()
            let name = String(format: "xcp-sim-%02d", index + 1)
            hostRefs.append(host)
            db.create("host", ref: host, fields: BlankRecord.host(
                name: name, address: address, controlDomain: dom0, localSR: defaultSR, platform: configuration.platform))
            var shape = BlankRecord.VMShape(name: "Control domain on host: \(name)")
            shape.isControlDomain = true
            shape.memory = 4 * 1024 * 1024 * 1024
            shape.vcpus = 4
            var record = BlankRecord.vm(shape)
            record["power_state"] = "Running"
            record["resident_on"] = .string(host)
            record["allowed_operations"] = .array([])
            db.create("VM", ref: dom0, fields: record)
        }
        db.create("pool", ref: BlankRecord.ref(), fields: BlankRecord.pool(master: hostRefs.first ?? "OpaqueRef:NULL", defaultSR: defaultSR))

        addDebianTemplate("Debian Lenny 5.0 (32-bit)", release: "lenny", arch: "i386")
        addDebianTemplate("Debian Squeeze 6.0 (32-bit)", release: "squeeze", arch: "i386")
        let squeeze64 = addDebianTemplate("Debian Squeeze 6.0 (64-bit)", release: "squeeze", arch: "amd64")
        addHVMTemplate("Other install media")
        addHVMTemplate("Windows 7 (64-bit)")

        let faiTemplate = cloneVM(squeeze64, name: Self.faiTemplateName, sr: nil)
        db.set("VM", ref: faiTemplate, field: "name_description", to: "Debian Squeeze 64-bit installed by FAI over NFS")
        let monitorWords = configuration.monitorArguments.map { " " + $0 } ?? ""
        db.set("VM", ref: faiTemplate, field: "PV_args", to: .string(Self.faiPVArgs + monitorWords))
        setMapEntry("VM", faiTemplate, field: "other_config", key: "install-repository", value: repositoryURL)

        let installed = newVMFromTemplate(faiTemplate, name: "fai01", network: network)
        eliloaderSwitch(installed)
        if let disk = bootDisk(installed) { installedDisks[disk] = "fai01" }
        try? startVM(installed, on: nil)

        let aborted = newVMFromTemplate(faiTemplate, name: "fai02", network: network)
        eliloaderSwitch(aborted)

        // XenCenter's New VM wizard cloned and provisioned the FAI template but dropped its PV-args.
        let xenCenterBug = newVMFromTemplate(faiTemplate, name: "fai03", network: network)
        db.set("VM", ref: xenCenterBug, field: "PV_args", to: "")

        if configuration.hostileNames {
            _ = newVMFromTemplate(faiTemplate, name: HostileNames.label, network: network)
        }

        for number in 0..<configuration.extraVMs {
            addScaleVM(number, template: squeeze64, network: network)
        }
        for number in 0..<configuration.installing {
            startInstall(number, template: faiTemplate, network: network)
        }
    }

    /// Scenarios of the `--installing` installs in turn: mostly successes, some failures and a no-boot.
    static let installingScenarios = ["success", "success", "fail-instsoft", "success", "fail-partition", "success", "no-nfsroot"]

    /// One of the `--installing` VMs: made from the FAI template (its PV-args plus
    /// ``SimulatorConfiguration/installingMonitor``), its scenario picked in turn, started.
    private mutating func startInstall(_ number: Int, template: String, network: String) {
        let vm = newVMFromTemplate(template, name: String(format: "install-%02d", number + 1), network: network)
        let scenario = Self.installingScenarios[number % Self.installingScenarios.count]
        setMapEntry("VM", vm, field: "other_config", key: "xsfai-sim-scenario", value: scenario)
        if let monitor = configuration.installingMonitor {
            db.set("VM", ref: vm, field: "PV_args", to: .string(Self.faiPVArgs + " " + monitor))
        }
        try? startVM(vm, on: nil)
    }

    @discardableResult
    private mutating func addDebianTemplate(_ name: String, release: String, arch: String) -> String {
        var shape = BlankRecord.VMShape(name: name)
        shape.description = "Template that allows VM installation from Xen-aware Debian-based distros. To use this template from the CLI, install your VM using vm-install, then set other-config-install-repository to the path to your network repository, e.g. http://<server>/<path>"
        shape.isTemplate = true
        shape.isDefaultTemplate = true
        shape.memory = 256 * 1024 * 1024
        shape.bootloader = "eliloader"
        shape.pvArgs = Self.templatePVArgs
        shape.otherConfig = [
            "install-distro": "debianlike", "debian-release": release, "install-arch": arch,
            "install-methods": "cdrom,http,ftp", "disks": Self.diskXML, "mac_seed": BlankRecord.uuid(),
            "default_template": "true", "linux_template": "true",
        ]
        let ref = BlankRecord.ref()
        var record = BlankRecord.vm(shape)
        record["allowed_operations"] = BlankRecord.strings(Self.templateOperations)
        db.create("VM", ref: ref, fields: record)
        return ref
    }

    private mutating func addHVMTemplate(_ name: String) {
        var shape = BlankRecord.VMShape(name: name)
        shape.description = "Template for installing from install media (HVM)"
        shape.isTemplate = true
        shape.isDefaultTemplate = true
        shape.memory = 2 * 1024 * 1024 * 1024
        shape.vcpus = 2
        shape.hvmBootPolicy = "BIOS order"
        shape.otherConfig = ["disks": Self.diskXML.replacingOccurrences(of: "8589934592", with: "34359738368"), "mac_seed": BlankRecord.uuid(), "default_template": "true"]
        var record = BlankRecord.vm(shape)
        record["allowed_operations"] = BlankRecord.strings(Self.templateOperations)
        db.create("VM", ref: BlankRecord.ref(), fields: record)
    }

    /// The networks XenServer makes: one pool-wide network per NIC (eth0 plus
    /// ``SimulatorConfiguration/extraNetworks`` more) and the host-internal management network
    /// (xapi's own, marked in other-config, never for guests). Returns eth0's network.
    private mutating func addNetworks() -> String {
        var first = ""
        for nic in 0...configuration.extraNetworks {
            let ref = BlankRecord.ref()
            db.create("network", ref: ref, fields: BlankRecord.network(name: "Pool-wide network associated with eth\(nic)", bridge: "xenbr\(nic)"))
            if nic == 0 { first = ref }
        }
        db.create("network", ref: BlankRecord.ref(), fields: BlankRecord.network(
            name: "Host internal management network", bridge: "xenapi",
            description: "Network on which guests will be assigned a private link-local IP address which can be used to talk XenAPI",
            otherConfig: ["is_guest_installer_network": "true", "is_host_internal_management_network": "true", "ip_begin": "169.254.0.1", "ip_end": "169.254.255.254", "netmask": "255.255.0.0"]))
        return first
    }

    /// What `xe vm-install` and `xe vif-create … mac=random` do: clone, provision, one VIF.
    private mutating func newVMFromTemplate(_ template: String, name: String, network: String) -> String {
        let vm = cloneVM(template, name: name, sr: nil)
        try? provision(vm)
        addVIF(BlankRecord.VIFShape(
            vm: vm, network: network, device: "0", mac: VIFMACAddress.generated(seed: otherConfig(vm)["mac_seed"] ?? vm, device: "0")))
        return vm
    }

    /// The state eliloader leaves after a first boot: pygrub, no install-distro.
    private mutating func eliloaderSwitch(_ vm: String) {
        db.set("VM", ref: vm, field: "PV_bootloader", to: "pygrub")
        setMapEntry("VM", vm, field: "other_config", key: "install-distro", value: nil)
    }

    private mutating func addScaleVM(_ number: Int, template: String, network: String) {
        let name = String(format: "scale-vm-%04d", number + 1)
        let vm = newVMFromTemplate(template, name: name, network: network)
        db.update("VM", ref: vm) { record in
            record["name_description"] = .string("Generated VM \(number + 1) for scale tests")
            record["PV_bootloader"] = "pygrub"
            record["memory_static_max"] = .int(1_073_741_824)
            record["memory_dynamic_max"] = .int(1_073_741_824)
            record["memory_dynamic_min"] = .int(1_073_741_824)
            record["tags"] = BlankRecord.strings(number % 5 == 0 ? ["scale", "web"] : ["scale"])
        }
        setMapEntry("VM", vm, field: "other_config", key: "install-distro", value: nil)
    }
}
