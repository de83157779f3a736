/// The `other_config:disks` provisioning XML that `VM.provision` reads.
public enum ProvisionDisks {
    /// The other-config key holding the XML.
    public static let key = "disks"

    /// The XML with every disk's `sr` attribute set to `srUUID`, as `xe vm-install` writes it.
    public static func settingSR(of xml: String, to srUUID: String) -> String {
        xml.replacing(/(\s)sr="[^"]*"/) { match in "\(match.output.1)sr=\"\(srUUID)\"" }
    }
}
