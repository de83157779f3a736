import FAIControl

/// `xsfai vm-set`: set parameters of a VM with xe's names.
typealias VMSetCommand = ParamSetCommand<VMParameters>

/// What `vm-set` changes: VMs.
enum VMParameters: ParamSetTarget {
    static var kind: TargetKind { .vm }
}
