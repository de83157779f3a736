public import XenAPI

/// A VM or template field that `xsfai template-set` / `vm-set` can change, named as `xe` names it.
public enum VMParameter: Sendable, Hashable, CustomStringConvertible {
    /// `PV-args`: the kernel command line appended after the bootloader's.
    case pvArgs
    /// `PV-bootloader`: `eliloader`, `pygrub` or empty for direct kernel boot.
    case pvBootloader
    /// `PV-bootloader-args`.
    case pvBootloaderArgs
    /// `PV-kernel`.
    case pvKernel
    /// `PV-ramdisk`.
    case pvRamdisk
    /// `name-label`.
    case nameLabel
    /// `name-description`.
    case nameDescription
    /// `other-config:KEY`: one key of the `other_config` map.
    case otherConfig(String)

    /// The plain fields, in the order xe lists them.
    public static let fields: [VMParameter] = [
        .nameLabel, .nameDescription, .pvBootloader, .pvKernel, .pvRamdisk, .pvArgs, .pvBootloaderArgs,
    ]

    /// Parses an xe parameter name (`PV-args`, `other-config:install-repository`, …).
    ///
    /// Names are matched as xe matches them: case-sensitively. The other-config key may contain any
    /// character but must not be empty.
    public init(xeName: String) throws(ParamSpecError) {
        if xeName.hasPrefix("other-config:") {
            let key = String(xeName.dropFirst("other-config:".count))
            guard !key.isEmpty else { throw .emptyOtherConfigKey }
            self = .otherConfig(key)
            return
        }
        guard let field = Self.fields.first(where: { $0.xeName == xeName }) else {
            throw .unknownParameter(xeName)
        }
        self = field
    }

    /// The name xe uses (`PV-args`, `other-config:KEY`).
    public var xeName: String {
        switch self {
        case .pvArgs: "PV-args"
        case .pvBootloader: "PV-bootloader"
        case .pvBootloaderArgs: "PV-bootloader-args"
        case .pvKernel: "PV-kernel"
        case .pvRamdisk: "PV-ramdisk"
        case .nameLabel: "name-label"
        case .nameDescription: "name-description"
        case .otherConfig(let key): "other-config:\(key)"
        }
    }

    /// The XenAPI setter for a plain field; `nil` for other-config keys (add/remove only).
    public var setter: String? {
        switch self {
        case .pvArgs: "VM.set_PV_args"
        case .pvBootloader: "VM.set_PV_bootloader"
        case .pvBootloaderArgs: "VM.set_PV_bootloader_args"
        case .pvKernel: "VM.set_PV_kernel"
        case .pvRamdisk: "VM.set_PV_ramdisk"
        case .nameLabel: "VM.set_name_label"
        case .nameDescription: "VM.set_name_description"
        case .otherConfig: nil
        }
    }

    /// The field's current value in `record`; `nil` only for an absent other-config key.
    public func value(in record: VMRecord) -> String? {
        switch self {
        case .pvArgs: record.pvArgs
        case .pvBootloader: record.pvBootloader
        case .pvBootloaderArgs: record.pvBootloaderArgs
        case .pvKernel: record.pvKernel
        case .pvRamdisk: record.pvRamdisk
        case .nameLabel: record.nameLabel
        case .nameDescription: record.nameDescription
        case .otherConfig(let key): record.otherConfig[key]
        }
    }

    /// The other-config key, or `nil` for a plain field.
    public var otherConfigKey: String? {
        if case .otherConfig(let key) = self { return key }
        return nil
    }

    public var description: String { xeName }
}
