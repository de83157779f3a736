public import XenAPI

/// What a VM's console showed of an install, and the domain (boot) it was read from.
///
/// Console facts belong to one attempt: a start (after a rearm, or of the installed system) begins a
/// new attempt, so a verdict read from an earlier one never labels the current one; a reboot while
/// running (FAI's own at the end of an install) continues the attempt in the new domain.
public struct AttemptPhase: Sendable, Hashable {
    /// The `domid` of the domain whose console showed it.
    public var domain: Int64
    /// The phase read.
    public var phase: InstallPhase

    /// Creates the fact.
    public init(domain: Int64, phase: InstallPhase) {
        self.domain = domain
        self.phase = phase
    }

    /// The phase if it describes `record`'s current attempt, else `.unknown`.
    ///
    /// It does while the record runs the same domain, and after that domain halted until the VM is
    /// armed again (PV-bootloader back to eliloader: the next start is a new attempt).
    public func phase(for record: VMRecord) -> InstallPhase {
        if record.domid == domain { return phase }
        if record.domid < 0 && record.pvBootloader != "eliloader" { return phase }
        return .unknown
    }
}
