import FAIControl

extension ControllerConnection {
    /// Refuses (exit 6) before anything is written when the pool cannot boot PV installers
    /// (``PVInstallPath``), e.g. XCP-ng 8.3 without eliloader.
    func refuseWithoutPVInstallPath() throws {
        if let reason = PVInstallPath.unavailability(hosts: try session.host.getAllRecords().values) {
            throw ControllerRefusal(message: reason + "; nothing was written", status: .refused)
        }
    }
}
