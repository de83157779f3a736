import Simulator

/// A synthetic console stream like a Debian package install on a VM console: apt `Get:` lines,
/// dpkg unpack/setup lines, progress lines, some of them coloured, CR LF line ends.
enum ConsoleStream {
    static let words = [
        "libc6", "libssl3", "openssh-server", "xe-guest-utilities", "linux-image-amd64", "grub-pc",
        "libxenstore4", "python3", "perl-base", "coreutils", "util-linux", "e2fsprogs", "nfs-common",
        "rsync", "less", "vim-tiny", "iproute2", "ifupdown", "isc-dhcp-client", "locales", "tzdata",
    ]

    /// About `bytes` bytes of package-install output.
    static func packageInstall(bytes: Int) -> [UInt8] {
        var generator = SplitMix64(seed: 2026)
        var output: [UInt8] = []
        output.reserveCapacity(bytes + 512)
        var index = 0
        while output.count < bytes {
            index += 1
            let package = words[Int(generator.next() % UInt64(words.count))]
            let version = "\(generator.next() % 9 + 1).\(generator.next() % 30).\(generator.next() % 12)-\(generator.next() % 5 + 1)"
            let line: String
            switch generator.next() % 10 {
            case 0, 1:
                line = "Get:\(index) http://deb.debian.org/debian bookworm/main amd64 \(package) amd64 \(version) [\(generator.next() % 9000 + 10) kB]"
            case 2:
                line = "Selecting previously unselected package \(package):amd64."
            case 3:
                line = "Preparing to unpack .../\(package)_\(version)_amd64.deb ..."
            case 4, 5:
                line = "Unpacking \(package):amd64 (\(version)) ..."
            case 6, 7:
                line = "Setting up \(package):amd64 (\(version)) ..."
            case 8:
                line = "Progress: [\u{1B}[32m\(percent(Int(generator.next() % 100)))%\u{1B}[0m] \u{1B}[7m[####.............]\u{1B}[0m installing \(package)"
            default:
                line = "\u{1B}[1;33mW: \u{1B}[0mProcessing triggers for \(package) (\(version)) ...\u{1B}[1;32m done\u{1B}[0m"
            }
            output += Array(line.utf8)
            output += [0x0D, 0x0A]
        }
        return output
    }

    /// `value` right-aligned in three columns, as apt prints its progress.
    private static func percent(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: " ", count: max(0, 3 - digits.count)) + digits
    }
}
