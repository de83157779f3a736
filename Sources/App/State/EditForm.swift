public import FAIControl
public import TUI
public import XenAPI

/// The edit form of a template's or VM's install parameters.
public struct EditForm: Sendable, Hashable {
    /// One editable parameter.
    public struct Field: Sendable, Hashable {
        /// The parameter (PV-args, PV-bootloader, other-config:KEY).
        public var parameter: VMParameter
        /// The value when the form opened (`nil`: absent other-config key).
        public var original: String?
        /// The value being edited.
        public var input: TextInput

        /// Creates a field.
        public init(parameter: VMParameter, original: String?) {
            self.parameter = parameter
            self.original = original
            input = TextInput(original ?? "")
        }
    }

    /// The object edited.
    public var target: Ref<VMRecord>
    /// The parameters.
    public var fields: [Field]
    /// The last line: `key=value` adds an other-config key.
    public var newKey = TextInput()
    /// The focused line (`fields.count` is the new-key line).
    public var focus = 0

    /// Creates a form for `record`: PV-args, PV-bootloader, then its other-config keys (install keys first).
    public init(target: Ref<VMRecord>, record: VMRecord) {
        self.target = target
        var parameters: [VMParameter] = [.pvArgs, .pvBootloader]
        let installKeys = ["install-repository", "install-distro", "debian-release", "install-arch", "install-proxy"]
        let present = installKeys.filter { record.otherConfig[$0] != nil }
        let others = record.otherConfig.keys.filter { !installKeys.contains($0) && $0 != "disks" }.sorted()
        parameters += (present + others).map(VMParameter.otherConfig)
        fields = parameters.map { EditForm.Field(parameter: $0, original: $0.value(in: record)) }
    }

    /// The requested changes: edited fields, emptied other-config keys (removed) and the new key.
    public var requestedChanges: [ParamChange] {
        var changes: [ParamChange] = []
        for field in fields where field.input.text != (field.original ?? "") {
            let value = field.input.text
            if field.parameter.otherConfigKey != nil && value.isEmpty {
                changes.append(ParamChange(field.parameter, nil))
            } else {
                changes.append(ParamChange(field.parameter, value))
            }
        }
        if let change = try? ParamChange(assignment: "other-config:" + newKey.text) {
            changes.append(change)
        }
        return changes
    }
}
