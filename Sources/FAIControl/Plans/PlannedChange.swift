/// One parameter's change inside a plan: old and new value and the API calls that make it.
public struct PlannedChange: Sendable, Hashable, Codable {
    /// The parameter.
    public var parameter: VMParameter
    /// The value before; `nil` for an absent other-config key.
    public var old: String?
    /// The value after; `nil` when the other-config key is removed.
    public var new: String?
    /// The calls, in order, exactly as xe makes them.
    public var calls: [APICall]

    /// Creates a planned change.
    public init(parameter: VMParameter, old: String?, new: String?, calls: [APICall]) {
        self.parameter = parameter
        self.old = old
        self.new = new
        self.calls = calls
    }

    /// Plans setting `parameter` of the object `ref` from `old` to `new` as xe does.
    ///
    /// A plain field is one setter call. An other-config key that exists is removed and then added
    /// (xe's `p_set`: other_config has no setter for one key); a missing key is only added; removing
    /// a key is one `remove_from_other_config`.
    public init(parameter: VMParameter, ref: String, old: String?, new: String?) {
        let calls: [APICall]
        if let setter = parameter.setter {
            calls = [APICall(setter, [ref, new ?? ""])]
        } else if let key = parameter.otherConfigKey {
            let remove = APICall("VM.remove_from_other_config", [ref, key])
            if let new {
                let add = APICall("VM.add_to_other_config", [ref, key, new])
                calls = old == nil ? [add] : [remove, add]
            } else {
                calls = [remove]
            }
        } else {
            calls = []
        }
        self.init(parameter: parameter, old: old, new: new, calls: calls)
    }
}
