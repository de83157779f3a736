/// Whether PV-args carry what an FAI network install needs: the NFS root (`root=/dev/nfs`, `nfsroot=`),
/// `boot=live`, or `FAI_ACTION`.
public enum KernelArgumentCheck {
    /// The arguments an FAI install is recognised by.
    public static let faiMarkers = ["root=/dev/nfs", "nfsroot=", "boot=live", "FAI_ACTION"]

    /// A warning when `pvArgs` has none of ``faiMarkers``, or `nil`.
    public static func warning(_ pvArgs: String) -> String? {
        let words = pvArgs.split(separator: " ").map(String.init)
        let found = faiMarkers.contains { marker in
            words.contains { marker.hasSuffix("=") || marker == "FAI_ACTION" ? $0.hasPrefix(marker) : $0 == marker }
        }
        guard !found else { return nil }
        return "PV-args \"\(pvArgs)\" have none of \(faiMarkers.joined(separator: ", ")): the VM will not boot into FAI"
    }
}
