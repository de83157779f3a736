import XMLRPC
import XenAPI

/// Builds VM records for tests, with the fields the controller reads.
enum TestRecords {
    static func vm(
        uuid: String, name: String, template: Bool = false, pvArgs: String = "", bootloader: String = "pygrub",
        otherConfig: [String: String] = [:], power: VMPowerState = .halted, hvm: Bool = false,
        controlDomain: Bool = false, snapshot: Bool = false
    ) -> VMRecord {
        let base = XMLRPCValue.structure(
            XMLRPCStruct([
                ("uuid", .string(uuid)), ("name_label", .string(name)), ("name_description", ""),
                ("power_state", .string(power.rawValue)), ("is_a_template", .bool(template)),
                ("is_a_snapshot", .bool(snapshot)), ("is_control_domain", .bool(controlDomain)),
            ]))
        // The decoder fills every absent field with its empty value; the rest is set directly.
        guard var record = try? VMRecord(xmlrpc: base) else { fatalError("test record does not decode") }
        record.pvArgs = pvArgs
        record.pvBootloader = bootloader
        record.otherConfig = otherConfig
        record.hvmBootPolicy = hvm ? "BIOS order" : ""
        return record
    }

    /// The record as `VM.get_record` returns it (the fields the controller reads).
    static func xmlrpc(_ record: VMRecord) -> XMLRPCValue {
        .structure(
            XMLRPCStruct([
                ("uuid", .string(record.uuid)), ("name_label", .string(record.nameLabel)),
                ("name_description", .string(record.nameDescription)),
                ("power_state", .string(record.powerState.rawValue)), ("is_a_template", .bool(record.isATemplate)),
                ("is_a_snapshot", .bool(record.isASnapshot)), ("is_control_domain", .bool(record.isControlDomain)),
                ("PV_args", .string(record.pvArgs)), ("PV_bootloader", .string(record.pvBootloader)),
                ("PV_bootloader_args", .string(record.pvBootloaderArgs)), ("PV_kernel", .string(record.pvKernel)),
                ("PV_ramdisk", .string(record.pvRamdisk)), ("HVM_boot_policy", .string(record.hvmBootPolicy)),
                ("other_config", .structure(XMLRPCStruct(record.otherConfig.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) }))),
            ]))
    }

    static let faiArgs = "quiet console=hvc0 root=/dev/nfs nfsroot=192.168.1.250:/srv/fai/nfsroot boot=live FAI_FLAGS=verbose,sshd FAI_ACTION=install"
    static let repo = "http://192.168.1.250/debian"

    /// The custom FAI template.
    static let faiTemplate = vm(
        uuid: "aaaaaaaa-0000-0000-0000-000000000001", name: "FAI Lenny", template: true, pvArgs: faiArgs,
        bootloader: "eliloader",
        otherConfig: [
            "install-distro": "debianlike", "install-repository": repo, "debian-release": "lenny",
            "install-arch": "i386", "base_template_name": "Debian Lenny 5.0 (32-bit)",
        ])

    /// A VM whose install was stopped: pygrub, no install-distro.
    static let aborted = vm(
        uuid: "bbbbbbbb-0000-0000-0000-000000000002", name: "fai02", pvArgs: faiArgs, bootloader: "pygrub",
        otherConfig: [
            "install-repository": repo, "debian-release": "lenny", "install-arch": "i386",
            "base_template_name": "FAI Lenny",
        ])
}
