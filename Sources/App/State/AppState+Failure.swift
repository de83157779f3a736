import XenAPI

extension AppState {
    /// The failure `vm`'s console showed last (the open console's, or one read before it moved on).
    public func consoleFailure(of vm: Ref<VMRecord>) -> FailureReport? {
        console.vm == vm ? console.failure ?? failures[vm] : failures[vm]
    }

    /// The error lines of `vm`'s failure that can be shown in the console: only while its capture is open.
    func failureLines(of vm: Ref<VMRecord>) -> [FailureReport.ErrorLine] {
        console.vm == vm ? console.failure?.jumpableLines ?? [] : []
    }
}
