import XenAPI

/// A plan that failed while being applied or verified, with what had been applied by then.
public struct PlanExecutionError: Error, CustomStringConvertible {
    /// The changes fully applied before the failure (they are journaled).
    public var applied: [PlannedChange]
    /// The change being applied when a call failed; `nil` when verification failed.
    public var failedChange: PlannedChange?
    /// The call that failed; `nil` when verification failed.
    public var failedCall: APICall?
    /// The call's error, or a ``PlanVerificationError``.
    public var underlying: any Error

    /// Creates the error.
    public init(applied: [PlannedChange], failedChange: PlannedChange?, failedCall: APICall?, underlying: any Error) {
        self.applied = applied
        self.failedChange = failedChange
        self.failedCall = failedCall
        self.underlying = underlying
    }

    public var description: String {
        let reason = (underlying as? XenAPIError)?.message ?? "\(underlying)"
        var text: String
        if let failedChange, let failedCall {
            text = "setting \(failedChange.parameter.xeName) failed at \(failedCall.method): \(reason)"
        } else {
            text = reason
        }
        let done = applied.map(\.parameter.xeName)
        text += done.isEmpty ? "; nothing was changed" : "; already applied: \(done.joined(separator: ", "))"
        return text
    }
}
