/// Checks an `install-repository` value the way eliloader reads it (xapi-protocol.md, round 1): `cdrom`,
/// or an `http`, `https`, `ftp` or `nfs` URL; anything else fails at boot with UNSUPPORTED_INSTALL_METHOD.
public enum InstallRepositoryCheck {
    /// Why `value` would not be accepted by eliloader, or `nil` when it would.
    public static func problem(_ value: String) -> String? {
        if value == "cdrom" { return nil }
        let lowered = value.lowercased()
        for scheme in ["http://", "https://", "ftp://"] where lowered.hasPrefix(scheme) {
            let host = lowered.dropFirst(scheme.count).prefix { $0 != "/" && $0 != "?" && $0 != "#" }
            return host.isEmpty || host.contains(" ") ? "\"\(value)\" has no host" : nil
        }
        if lowered.hasPrefix("nfs:") {
            let rest = lowered.dropFirst("nfs:".count)
            if rest.hasPrefix("//") { return rest.dropFirst(2).prefix { $0 != "/" }.isEmpty ? "\"\(value)\" has no host" : nil }
            return rest.contains(":/") ? nil : "\"\(value)\" is not nfs://HOST/PATH or nfs:HOST:/PATH"
        }
        return "\"\(value)\" is not a repository eliloader accepts: use an http://, https://, ftp:// or nfs:// URL, or cdrom"
    }
}
