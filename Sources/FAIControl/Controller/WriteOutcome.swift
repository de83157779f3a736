/// What a probe found out about a write whose reply was lost.
enum WriteOutcome: Equatable {
    /// It took effect; for a clone, the new object's reference.
    case applied(String?)
    /// It did not take effect: the call may be sent again.
    case notApplied
    /// Neither can be told (the read failed, or a third value is there).
    case unknown(String)
}
