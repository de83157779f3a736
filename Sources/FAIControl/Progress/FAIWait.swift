/// What a quiet console is waiting for (fai-console.md P5).
public enum FAIWait: String, Sendable, Equatable {
    /// `Press <RETURN> to reboot` was printed and no reboot followed.
    case waitingForReturn
    /// A shell prompt (initramfs or bash after a fatal error) waits for input.
    case waitingAtShell
    /// FAI sleeps on purpose so the operator can edit the config space (flag `wait`).
    case paused
}
