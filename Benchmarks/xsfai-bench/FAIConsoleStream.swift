/// A synthetic FAI console stream for throughput figures of the FAI progress tracker.
enum FAIConsoleStream {
    /// A verbose FAI install whose instsoft phase repeats apt output (with kernel time stamps, colour
    /// escapes and CR redraws mixed in) until the stream holds about `approximateBytes` bytes.
    static func syntheticInstall(approximateBytes: Int) -> [UInt8] {
        var stream: [UInt8] = []
        stream.reserveCapacity(approximateBytes + 4096)
        func add(_ text: String) { stream.append(contentsOf: text.utf8) }
        add("Linux version 6.1.0-18-amd64 (debian-kernel@lists.debian.org)\r\n")
        add("[    0.000000] Booting paravirtualized kernel on Xen\r\n")
        add("Kernel command line: console=hvc0 root=/dev/nfs boot=live FAI_FLAGS=verbose,sshd FAI_ACTION=install\r\n")
        add("Loading, please wait...\r\nBegin: Mounting root file system... ...\r\n")
        add("\u{1B}c\u{1B}[1;31m             Fully Automatic Installation  -  FAI\r\n")
        add("                   FAI 3.4.8, 10 May 2011   (c) 1999-2010\r\n\u{1B}[7;0r\u{1B}[9B\u{1B}[1;m\r\n")
        for task in ["confdir", "setup", "defclass", "defvar", "action", "install", "partition", "mountdisks",
                     "extrbase", "debconf", "updatebase"] {
            add("Calling task_\(task)\r\n")
        }
        add("FAI_FLAGS: verbose sshd\r\nCalling task_instsoft\r\n")
        var package = 0
        while stream.count < approximateBytes {
            package += 1
            add("0 upgraded, 1 newly installed, 0 to remove and 0 not upgraded.\r\n")
            add("Get:1 http://deb.example.com bookworm/main pkg\(package) 1.0-\(package) [\(package % 900) kB]\r\n")
            add("Selecting previously deselected package pkg\(package).\r\n")
            add("(Reading database ... 10%\r(Reading database ... 55%\r(Reading database ... \(package) files.)\r\n")
            add("Unpacking pkg\(package) (from .../pkg\(package)_1.0_amd64.deb) ...\r\n")
            add("[  \(package % 1000).123456] xen_netfront: \u{1B}[33mrx buffer refill\u{1B}[0m\r\n")
            add("Setting up pkg\(package) (1.0-\(package)) ...\r\n")
            add("invoke-rc.d: policy-rc.d denied execution of start.\r\n")
        }
        add("Calling task_configure\r\nExecuting    shell: FAIBASE/10-misc\r\nFAIBASE/10-misc      OK.\r\n")
        add("The install took 411 seconds.\r\nCalling task_faiend\r\nPress <RETURN> to reboot.\r\n")
        add("Rebooting fai01 now\r\nRestarting system.\r\n")
        return stream
    }
}
