/// Where the VM is in its boot and install, as read from the console.
public enum FAIStage: String, Sendable, Equatable, CaseIterable {
    /// No console output yet.
    case waiting
    /// The kernel is starting (`Linux version …`, or the first byte).
    case booting
    /// The initramfs runs: driver loading, DHCP, mounting the NFS root.
    case initramfs
    /// The nfsroot's init runs (`INIT: version … booting`), FAI not yet started.
    case nfsrootInit
    /// FAI printed its banner and runs its start-up tasks (confdir … action).
    case fai
    /// FAI runs the install tasks (partition … faiend).
    case installing
    /// FAI rebooted the VM (`Rebooting <host> now` / `Restarting system.`).
    case rebooting
    /// A kernel booted after the reboot: the installed system is starting.
    case installedBooting
    /// The installed system shows its `login:` prompt.
    case installed
}
