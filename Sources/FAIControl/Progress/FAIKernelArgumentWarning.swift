/// Something wrong with the kernel command line of an FAI install (PV-args), found from the console.
public enum FAIKernelArgumentWarning: String, Sendable, Equatable, CaseIterable {
    /// The command line has no `root=/dev/nfs`: the initramfs will not mount the nfsroot.
    case missingNFSRoot
    /// The command line has no `boot=live`: live-initramfs will not handle the root.
    case missingLiveBoot
    /// The command line has no `FAI_ACTION=`: FAI has nothing to do.
    case missingFAIAction
    /// The initramfs waited for a local root device, so the PV-args carried no network root at all
    /// (inferred when no command line was printed, e.g. the template's `-- quiet console=hvc0`).
    case waitedForLocalRoot

    /// A one-line explanation for an operator.
    public var message: String {
        switch self {
        case .missingNFSRoot: "kernel args lack root=/dev/nfs"
        case .missingLiveBoot: "kernel args lack boot=live"
        case .missingFAIAction: "kernel args lack FAI_ACTION="
        case .waitedForLocalRoot:
            "initramfs waited for a local root: PV-args lack root=/dev/nfs boot=live "
                + "(template args such as '-- quiet console=hvc0'?)"
        }
    }

    /// The warnings for a kernel command line, in a fixed order.
    public static func warnings(forCommandLine commandLine: String) -> [FAIKernelArgumentWarning] {
        let words = commandLine.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var warnings: [FAIKernelArgumentWarning] = []
        if !words.contains("root=/dev/nfs") { warnings.append(.missingNFSRoot) }
        if !words.contains("boot=live") { warnings.append(.missingLiveBoot) }
        if !words.contains(where: { $0.hasPrefix("FAI_ACTION=") }) { warnings.append(.missingFAIAction) }
        return warnings
    }
}
