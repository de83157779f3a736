import XMLRPC

extension XenAPISession {
    /// Calls of the `VM` class (VMs, templates, snapshots and control domains).
    public var vm: VMCalls { VMCalls(session: self) }
}

/// The `VM.*` calls xsfai makes. Each blocks until xapi answers and throws ``XenAPIError`` on failure.
public struct VMCalls: Sendable {
    /// The session the calls go through.
    public let session: XenAPISession

    /// `VM.get_all_records`: every VM, template, snapshot and control domain.
    public func getAllRecords() throws -> [Ref<VMRecord>: VMRecord] {
        try session.records("VM.get_all_records", decode: VMRecord.init(xmlrpc:))
    }

    /// `VM.get_all_records_where(expr)`, e.g. `field "is_a_template" = "true"`.
    public func getAllRecordsWhere(_ expression: String) throws -> [Ref<VMRecord>: VMRecord] {
        try session.records("VM.get_all_records_where", [.string(expression)], decode: VMRecord.init(xmlrpc:))
    }

    /// `VM.get_record`.
    public func getRecord(_ vm: Ref<VMRecord>) throws -> VMRecord {
        try session.record("VM.get_record", [vm.xmlrpc], decode: VMRecord.init(xmlrpc:))
    }

    /// `VM.get_by_uuid`; fails with UUID_INVALID when no VM has it.
    public func getByUUID(_ uuid: String) throws -> Ref<VMRecord> {
        try session.reference("VM.get_by_uuid", [.string(uuid)])
    }

    /// `VM.get_by_name_label`: every VM with that exact name (names are not unique).
    public func getByNameLabel(_ label: String) throws -> [Ref<VMRecord>] {
        try session.references("VM.get_by_name_label", [.string(label)])
    }

    /// `VM.set_PV_args`: the kernel command line (FAI arguments go here).
    public func setPVArgs(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_PV_args", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_PV_bootloader`: `eliloader` for a network install, `pygrub` for the installed system.
    public func setPVBootloader(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_PV_bootloader", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_PV_bootloader_args`.
    public func setPVBootloaderArgs(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_PV_bootloader_args", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_PV_kernel`.
    public func setPVKernel(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_PV_kernel", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_PV_ramdisk`.
    public func setPVRamdisk(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_PV_ramdisk", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_name_label`.
    public func setNameLabel(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_name_label", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_name_description`.
    public func setNameDescription(_ vm: Ref<VMRecord>, _ value: String) throws {
        try session.perform("VM.set_name_description", [vm.xmlrpc, .string(value)])
    }

    /// `VM.set_is_a_template`: `false` turns a provisioned clone of a template into a VM (as `xe vm-install` does).
    public func setIsATemplate(_ vm: Ref<VMRecord>, _ value: Bool) throws {
        try session.perform("VM.set_is_a_template", [vm.xmlrpc, .bool(value)])
    }

    /// `VM.add_to_other_config`; fails with MAP_DUPLICATE_KEY when the key exists.
    public func addToOtherConfig(_ vm: Ref<VMRecord>, key: String, value: String) throws {
        try session.perform("VM.add_to_other_config", [vm.xmlrpc, .string(key), .string(value)])
    }

    /// `VM.remove_from_other_config` (no error when the key is absent).
    public func removeFromOtherConfig(_ vm: Ref<VMRecord>, key: String) throws {
        try session.perform("VM.remove_from_other_config", [vm.xmlrpc, .string(key)])
    }

    /// Sets one other-config key whether or not it exists (remove, then add).
    public func setOtherConfigKey(_ vm: Ref<VMRecord>, key: String, value: String) throws {
        try removeFromOtherConfig(vm, key: key)
        try addToOtherConfig(vm, key: key, value: value)
    }

    /// `VM.clone`: a fast copy (disks cloned on the same SR); returns the new VM.
    public func clone(_ vm: Ref<VMRecord>, newName: String) throws -> Ref<VMRecord> {
        try session.reference("VM.clone", [vm.xmlrpc, .string(newName)])
    }

    /// `VM.copy`: a full copy to `sr` (`.null` keeps each disk on its SR); returns the new VM.
    public func copy(_ vm: Ref<VMRecord>, newName: String, sr: Ref<SRRecord> = .null) throws -> Ref<VMRecord> {
        try session.reference("VM.copy", [vm.xmlrpc, .string(newName), sr.xmlrpc])
    }

    /// `VM.provision`: creates the disks a template's `disks` other-config describes.
    public func provision(_ vm: Ref<VMRecord>) throws {
        try session.perform("VM.provision", [vm.xmlrpc])
    }

    /// `VM.start(vm, start_paused, force)`.
    public func start(_ vm: Ref<VMRecord>, paused: Bool = false, force: Bool = false) throws {
        try session.perform("VM.start", [vm.xmlrpc, .bool(paused), .bool(force)])
    }

    /// `VM.clean_shutdown`: asks the guest to shut down.
    public func cleanShutdown(_ vm: Ref<VMRecord>) throws {
        try session.perform("VM.clean_shutdown", [vm.xmlrpc])
    }

    /// `VM.hard_shutdown`: powers the VM off at once.
    public func hardShutdown(_ vm: Ref<VMRecord>) throws {
        try session.perform("VM.hard_shutdown", [vm.xmlrpc])
    }

    /// `VM.hard_reboot`: resets the VM at once.
    public func hardReboot(_ vm: Ref<VMRecord>) throws {
        try session.perform("VM.hard_reboot", [vm.xmlrpc])
    }

    /// `VM.destroy`: removes the VM record (not its disks); the VM must be halted.
    public func destroy(_ vm: Ref<VMRecord>) throws {
        try session.perform("VM.destroy", [vm.xmlrpc])
    }
}
