import Simulator
import XMLRPC

/// A deterministic `VM.get_all_records` reply for a pool of `vmCount` FAI-installed PV VMs, written the
/// way xapi writes it: each record is the simulator's complete VM record (``BlankRecord/vm(_:)``, every
/// field of a real `VM.get_record`, ints untyped, Status/Value wrapper), with 7 in 10 VMs running and
/// the references, maps and sets a production pool fills in.
enum VMRecordsPayload {
    /// The reply bytes; the same `vmCount` always gives the same bytes.
    static func reply(vmCount: Int) -> [UInt8] {
        var random = SplitMix64(seed: 0x5846_4149)
        var records: [(String, XMLRPCValue)] = []
        records.reserveCapacity(vmCount)
        for index in 0..<vmCount {
            records.append((random.opaqueRef(), .structure(record(index: index, random: &random))))
        }
        return XMLRPCEncoder.success(.structure(XMLRPCStruct(records)))
    }

    private static let runningOperations: [XMLRPCValue] = [
        "changing_dynamic_range", "migrate_send", "pool_migrate", "changing_VCPUs_live", "suspend",
        "hard_reboot", "hard_shutdown", "clean_reboot", "clean_shutdown", "pause", "checkpoint", "snapshot",
        "changing_memory_live", "destroy", "export", "metadata_export", "call_plugin",
    ]
    private static let haltedOperations: [XMLRPCValue] = [
        "changing_dynamic_range", "changing_static_range", "changing_shadow_memory", "changing_VCPUs",
        "make_into_template", "migrate_send", "destroy", "provision", "export", "clone",
        "copy", "snapshot", "start", "start_on", "changing_memory_limits",
    ]
    private static let biosStrings = XMLRPCValue.structure([
        "bios-vendor": "Xen", "bios-version": "", "system-manufacturer": "Xen",
        "system-product-name": "HVM domU", "system-version": "", "oem-1": "Xen",
        "oem-2": "MS_VM_CERT/SHA1/bdbeb6e0a816d43fa6d3fe8aaef04c2bad9d3e3d",
    ])

    /// VM number `index`: the blank record of its shape, then the fields a booted, networked VM has.
    private static func record(index: Int, random: inout SplitMix64) -> XMLRPCStruct {
        let running = index % 10 < 7
        let release = ["lenny", "squeeze", "wheezy", "jessie"][index % 4]
        let displayRelease = release.prefix(1).uppercased() + release.dropFirst()
        var shape = BlankRecord.VMShape(name: "fai-\(release)-node-\(index)")
        shape.uuid = random.uuid()
        shape.description = "FAI network install of Debian \(release) (PV), rack \(index % 40)"
        shape.memory = [536_870_912, 1_073_741_824, 2_147_483_648, 4_294_967_296][index % 4]
        shape.vcpus = Int64(1 + index % 4)
        shape.bootloader = index % 5 == 0 ? "eliloader" : "pygrub"
        shape.pvArgs = "ip=dhcp root=/dev/nfs nfsroot=10.20.0.1:/srv/fai/nfsroot-\(release) boot=live "
            + "FAI_FLAGS=verbose,sshd,createvt FAI_ACTION=install console=hvc0"
        shape.otherConfig = [
            "install-methods": "cdrom,nfs,http,ftp", "mac_seed": random.uuid(),
            "base_template_name": "Debian \(displayRelease) (64-bit)",
            "install-repository": "http://deb.debian.org/debian", "debian-release": release,
            "install-arch": "amd64", "linux_template": "true", "last_shutdown_reason": "halted",
            "folder": "/fai/rack-\(index % 40)",
        ]
        func refs(_ count: Int) -> XMLRPCValue { .array((0..<count).map { _ in .string(random.opaqueRef()) }) }

        var record = BlankRecord.vm(shape)
        let host = XMLRPCValue.string(random.opaqueRef())
        record["allowed_operations"] = .array(running ? runningOperations : haltedOperations)
        record["affinity"] = host
        record["VCPUs_params"] = .structure(["weight": "256"])
        record["VIFs"] = refs(1 + index % 2)
        record["VBDs"] = refs(2 + index % 2)
        record["metrics"] = .string(random.opaqueRef())
        record["xenstore_data"] = .structure(["vm-data": "", "vm-data/mmio-hole-size": "268435456"])
        record["tags"] = .array(["fai", .string(release)])
        record["bios_strings"] = biosStrings
        record["reference_label"] = .string("debian-\(release)-64")
        if running {
            record["power_state"] = "Running"
            record["resident_on"] = host
            record["memory_target"] = .int(shape.memory)
            record["consoles"] = refs(2)
            record["domid"] = .int(Int64(index + 1))
            record["domarch"] = "x64"
            record["guest_metrics"] = .string(random.opaqueRef())
            record["last_boot_CPU_flags"] = .structure([
                "vendor": "GenuineIntel",
                "features": "1fcbfbff-f7fa3223-2d93fbff-00000023-00000001-000007ab-00000000-00000000-00001000-0c000000",
            ])
        }
        return record
    }
}
