import Foundation

/// What a vt100 console prints while a domain runs: lines paced by the server, then an ending that
/// decides what the guest does next.
struct ConsoleScript: Equatable {
    /// What happens after the last line.
    enum Ending: Equatable {
        /// The guest reboots (`Restarting system.`).
        case reboot
        /// The kernel panicked: the domain crashes and the VM halts.
        case crash
        /// The guest waits at `Press <RETURN> to reboot.`; a RETURN prints `continuation` and reboots.
        case waitForReturn(continuation: [UInt8])
        /// A shell or login prompt: typed bytes are echoed, RETURN prints the prompt again.
        case prompt(String)
        /// Nothing more happens.
        case silent
    }

    var lines: [[UInt8]]
    var ending: Ending
    /// Whether reaching the reboot leaves an installed system on the VM's disk.
    var installsSystem: Bool
    /// The guest's host name (from the transcript's DHCP lines), used by the installed system.
    var hostname: String

    /// Splits a transcript into lines (each keeps its CR LF; a final line without one is a prompt)
    /// and reads its ending from the last line.
    static func transcript(_ bytes: [UInt8]) -> ConsoleScript {
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(Array(bytes[start...index]))
            start = index + 1
        }
        if start < bytes.count { lines.append(Array(bytes[start...])) }
        let texts = lines.map { String(decoding: $0, as: UTF8.self) }
        let hostname = texts.lazy.compactMap(Self.hostname(in:)).first ?? "fai01"
        let last = texts.last ?? ""
        let trimmed = last.trimmingCharacters(in: ["\r", "\n"])
        let ending: Ending
        var installs = false
        if trimmed == "Restarting system." {
            ending = .reboot
            installs = true
        } else if trimmed.contains("Kernel panic") {
            ending = .crash
        } else if trimmed.hasPrefix("Press <RETURN> to reboot") {
            ending = .waitForReturn(continuation: Array("Rebooting \(hostname) now\r\nRestarting system.\r\n".utf8))
            installs = true
        } else if !last.hasSuffix("\n") && !last.isEmpty {
            ending = .prompt(last)
        } else {
            ending = .silent
        }
        return ConsoleScript(lines: lines, ending: ending, installsSystem: installs, hostname: hostname)
    }

    /// Puts the VM's real kernel command line (eliloader adds nothing for debianlike, xenopsd appends
    /// PV-args) into the transcript's `Kernel command line:` and `Kernel parameters:` lines.
    mutating func replaceCommandLine(with arguments: String) {
        for prefix in ["Kernel command line: ", "Kernel parameters: "] {
            for index in lines.indices where lines[index].starts(with: Array(prefix.utf8)) {
                lines[index] = Array((prefix + arguments + "\r\n").utf8)
            }
        }
    }

    /// The short boot of the installed Debian system (pygrub, from the VM's disk), ending at a login prompt.
    static func installedSystemBoot(hostname: String) -> ConsoleScript {
        let text = [
            "Using config file \"/boot/grub/menu.lst\".",
            "Started domain \(hostname) (id=0)",
            "Linux version 2.6.26-2-xen-686 (Debian 2.6.26-26lenny3) (dannf@debian.org) (gcc version 4.1.3 20080704 (prerelease) (Debian 4.1.2-25)) #1 SMP Thu Jun 2 07:27:12 UTC 2011",
            "Booting paravirtualized kernel on Xen",
            "Xen version: 3.4.2 (preserve-AD)",
            "console [hvc0] enabled",
            "Loading, please wait...",
            "INIT: version 2.86 booting",
            "Setting the system clock.",
            "Checking root file system...fsck 1.41.3 (12-Oct-2008)",
            "/dev/xvda1: clean, 20891/462384 files, 153210/1848190 blocks",
            "done.",
            "Configuring network interfaces...done.",
            "INIT: Entering runlevel: 2",
            "Starting OpenBSD Secure Shell server: sshd.",
            "",
            "Debian GNU/Linux 5.0 \(hostname) hvc0",
            "",
        ]
        let prompt = "\(hostname) login: "
        var lines = text.map { Array(($0 + "\r\n").utf8) }
        lines.append(Array(prompt.utf8))
        return ConsoleScript(lines: lines, ending: .prompt(prompt), installsSystem: false, hostname: hostname)
    }

    /// A guest that prints nothing on its text console (HVM guests, direct-kernel boots).
    static var quiet: ConsoleScript {
        ConsoleScript(lines: [], ending: .silent, installsSystem: false, hostname: "localhost")
    }

    private static func hostname(in line: String) -> String? {
        guard let range = line.range(of: " host   : ") else { return nil }
        let name = line[range.upperBound...].split(separator: " ").first.map(String.init)
        return name?.trimmingCharacters(in: ["\r", "\n"])
    }
}

/// A vt100 console's progress through its script.
struct ConsolePlayback {
    let vm: String
    var script: ConsoleScript
    var position = 0
    /// The guest answering typed input once the script ended at a prompt.
    var guest: GuestLogin?
    /// What the guest reports to an FAI monitor, when its PV-args name one.
    var monitor: MonitorReporter?

    var isFinished: Bool { position >= script.lines.count }
}
