import FAIControl

/// The kind of object a parameter-setting command (`template-set`, `vm-set`) changes.
protocol ParamSetTarget {
    /// The objects the command resolves its target among.
    static var kind: TargetKind { get }
}
