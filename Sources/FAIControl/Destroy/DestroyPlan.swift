public import XenAPI

/// What destroying a halted VM (or a custom template) removes: the record and, unless kept, the
/// disks only it uses — computed before anything is written, so the confirmation can name them.
public struct DestroyPlan: Sendable, Hashable, Codable {
    /// One virtual disk of the VM.
    public struct Disk: Sendable, Hashable, Codable {
        /// The VDI's reference.
        public var ref: String
        /// Its UUID.
        public var uuid: String
        /// Its name-label.
        public var name: String
        /// Its virtual size in bytes.
        public var size: Int64
        /// The device position (`userdevice`, e.g. `0` for xvda).
        public var device: String
        /// Names of other VMs or templates using the same VDI (then it is never destroyed).
        public var sharedWith: [String]

        /// Creates a disk description.
        public init(ref: String, uuid: String, name: String, size: Int64, device: String, sharedWith: [String]) {
            self.ref = ref
            self.uuid = uuid
            self.name = name
            self.size = size
            self.device = device
            self.sharedWith = sharedWith
        }

        /// `name (8 GiB, device 0)` for people.
        public var summary: String {
            let gib = Double(size) / 1_073_741_824
            let size = gib >= 1 ? String(format: "%.0f GiB", gib) : "\(self.size / 1_048_576) MiB"
            return "\(name) (\(size), device \(device))" + (sharedWith.isEmpty ? "" : ", also used by \(sharedWith.joined(separator: ", ")): kept")
        }
    }

    /// The VM or template.
    public var ref: String
    /// Its UUID.
    public var uuid: String
    /// Its name-label.
    public var name: String
    /// Whether it is a template.
    public var isTemplate: Bool
    /// Its disks (CD drives are not disks and are left alone).
    public var disks: [Disk]
    /// Whether the disks stay (only the VM record goes).
    public var keepsDisks: Bool

    /// Creates a plan.
    public init(ref: String, uuid: String, name: String, isTemplate: Bool, disks: [Disk], keepsDisks: Bool) {
        self.ref = ref
        self.uuid = uuid
        self.name = name
        self.isTemplate = isTemplate
        self.disks = disks
        self.keepsDisks = keepsDisks
    }

    /// The disks that will be destroyed.
    public var disksToDestroy: [Disk] { keepsDisks ? [] : disks.filter(\.sharedWith.isEmpty) }

    /// The API calls in order: the VM first (its VBDs go with it), then each disk.
    public var calls: [String] {
        ["VM.destroy(\(ref))"] + disksToDestroy.map { "VDI.destroy(\($0.ref))" }
    }

    /// The equivalent `xe` commands.
    public var xeCommands: [String] {
        if !keepsDisks, disksToDestroy.count == disks.count {
            return ["xe \(isTemplate ? "template" : "vm")-uninstall uuid=\(uuid) force=true"]
        }
        return ["xe \(isTemplate ? "template" : "vm")-destroy uuid=\(uuid)"] + disksToDestroy.map { "xe vdi-destroy uuid=\($0.uuid)" }
    }

    /// One line for a confirmation: the object and the disks that go with it.
    public var confirmationText: String {
        let kind = isTemplate ? "template" : "VM"
        if disks.isEmpty { return "\(kind) \(name): it has no disks" }
        if keepsDisks { return "\(kind) \(name); its disks stay: " + disks.map(\.summary).joined(separator: "; ") }
        return "\(kind) \(name) and its disks: " + disks.map(\.summary).joined(separator: "; ")
    }
}
