import XenAPI

extension AppState {
    /// The failure `vm`'s console showed, when its console is the one open and FAI failed.
    public func consoleFailure(of vm: Ref<VMRecord>) -> FailureReport? {
        console.vm == vm ? console.failure : nil
    }

    /// The error lines of `vm`'s failure that can be shown in the console.
    func failureLines(of vm: Ref<VMRecord>) -> [FailureReport.ErrorLine] {
        consoleFailure(of: vm)?.jumpableLines ?? []
    }
}
