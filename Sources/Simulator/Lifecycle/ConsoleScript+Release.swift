extension ConsoleScript {
    /// The Debian release and architecture a transcript shows: kernel ABI, package version, machine,
    /// FAI architecture class. The recorded transcripts are Lenny i386; ``adapt(release:arch:)``
    /// rewrites them for the release and architecture of the template that boots.
    struct Flavour: Equatable {
        /// `2.6.26-2-xen-686`.
        var kernel: String
        /// The kernel package version, `2.6.26-26lenny3`.
        var kernelVersion: String
        /// The Xen kernel flavour in package names, `686` or `amd64`.
        var packageFlavour: String
        /// What `uname -m` prints, `i686` or `x86_64`.
        var machine: String
        /// FAI's architecture class, `I386` or `AMD64`.
        var archClass: String
        /// The Debian release code name.
        var release: String
        /// The Debian version in `/etc/issue`, `5.0`.
        var debianVersion: String

        /// The transcripts as recorded.
        static let recorded = Flavour(
            kernel: "2.6.26-2-xen-686", kernelVersion: "2.6.26-26lenny3", packageFlavour: "686", machine: "i686",
            archClass: "I386", release: "lenny", debianVersion: "5.0")

        /// The flavour of `release` on `arch` (Lenny and Squeeze with their real Xen kernels; other
        /// releases keep the recorded kernel numbers under their own name).
        init(release: String, arch: String) {
            let is64 = arch == "amd64" || arch == "x86_64"
            let flavour = is64 ? "amd64" : "686"
            switch release {
            case "squeeze":
                self.init(kernel: "2.6.32-5-xen-\(flavour)", kernelVersion: "2.6.32-48squeeze6", packageFlavour: flavour,
                          machine: is64 ? "x86_64" : "i686", archClass: is64 ? "AMD64" : "I386", release: release, debianVersion: "6.0")
            case "lenny":
                self.init(kernel: "2.6.26-2-xen-\(flavour)", kernelVersion: "2.6.26-26lenny3", packageFlavour: flavour,
                          machine: is64 ? "x86_64" : "i686", archClass: is64 ? "AMD64" : "I386", release: release, debianVersion: "5.0")
            default:
                self.init(kernel: "2.6.26-2-xen-\(flavour)", kernelVersion: "2.6.26-26\(release)", packageFlavour: flavour,
                          machine: is64 ? "x86_64" : "i686", archClass: is64 ? "AMD64" : "I386", release: release, debianVersion: "")
            }
        }

        init(kernel: String, kernelVersion: String, packageFlavour: String, machine: String, archClass: String,
             release: String, debianVersion: String) {
            self.kernel = kernel
            self.kernelVersion = kernelVersion
            self.packageFlavour = packageFlavour
            self.machine = machine
            self.archClass = archClass
            self.release = release
            self.debianVersion = debianVersion
        }
    }

    /// Rewrites the recorded Lenny i386 kernel, package names, machine, architecture class and
    /// release name for `release` on `arch` (the VM's other-config:debian-release and install-arch);
    /// missing values keep the recording.
    mutating func adapt(release: String?, arch: String?) {
        let recorded = Flavour.recorded
        let wanted = Flavour(release: release ?? recorded.release, arch: arch ?? "i386")
        guard wanted != recorded else { return }
        var pairs = [
            (recorded.kernel, wanted.kernel),
            (recorded.kernelVersion, wanted.kernelVersion),
            ("linux-image-2.6-xen-\(recorded.packageFlavour)", "linux-image-2.6-xen-\(wanted.packageFlavour)"),
            (" \(recorded.machine) GNU/Linux", " \(wanted.machine) GNU/Linux"),
            (" \(recorded.archClass) ", " \(wanted.archClass) "),
            (recorded.release, wanted.release),
        ]
        if !wanted.debianVersion.isEmpty {
            pairs.append(("Debian GNU/Linux \(recorded.debianVersion) ", "Debian GNU/Linux \(wanted.debianVersion) "))
        }
        lines = lines.map { line in
            var text = String(decoding: line, as: UTF8.self)
            for (old, new) in pairs where text.contains(old) { text = text.replacingAll(old, with: new) }
            return Array(text.utf8)
        }
    }

    /// The kernel release the script's `Linux version` line names (`uname -r`).
    var kernelRelease: String {
        for line in lines where line.starts(with: Array("Linux version ".utf8)) {
            let words = String(decoding: line, as: UTF8.self).split(separator: " ")
            if words.count > 2 { return String(words[2]) }
        }
        return Flavour.recorded.kernel
    }
}

extension String {
    /// The string with every occurrence of `target` replaced by `replacement`.
    fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
        var result = ""
        var rest = Substring(self)
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound] + replacement
            rest = rest[range.upperBound...]
        }
        return result + rest
    }
}
