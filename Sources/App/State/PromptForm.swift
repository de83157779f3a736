public import TUI
public import XenAPI

/// A small form that asks for names before a write: a new install (name, SR, repository), a template
/// copy (name, description) or a rename (name).
public struct PromptForm: Sendable, Hashable {
    /// What the form is for.
    public enum Purpose: Sendable, Hashable {
        /// `n`: a new VM from this template.
        case newInstall(template: Ref<VMRecord>)
        /// `C`: a copy of this template.
        case copyTemplate(Ref<VMRecord>)
        /// `R`: a new name for this template or VM.
        case rename(Ref<VMRecord>)
    }

    /// One choice of a field picked with ← →.
    public struct Choice: Sendable, Hashable {
        /// As shown.
        public var label: String
        /// As passed on (`nil`: the default).
        public var value: String?

        /// Creates a choice.
        public init(_ label: String, value: String?) {
            self.label = label
            self.value = value
        }
    }

    /// What the form is for.
    public var purpose: Purpose
    /// The fields, in order.
    public var fields: [FormView.Field]
    /// The focused field.
    public var focus = 0
    /// Choices of fields picked with ← → (by field index), and the index chosen.
    public var choices: [Int: [Choice]] = [:]
    /// The chosen index per choice field.
    public var chosen: [Int: Int] = [:]
    /// A warning shown instead of the footer (a name already in use); Enter again goes ahead.
    public var warning: String?

    /// Creates a form.
    public init(purpose: Purpose, fields: [FormView.Field]) {
        self.purpose = purpose
        self.fields = fields
    }

    /// The text of field `index`, spaces trimmed.
    public func text(_ index: Int) -> String { index < fields.count ? fields[index].input.text.trimmingSpaces : "" }

    /// The value of choice field `index`.
    public func choice(_ index: Int) -> Choice? {
        guard let list = choices[index], !list.isEmpty else { return nil }
        return list[min(max(0, chosen[index] ?? 0), list.count - 1)]
    }

    /// Adds a field `label` picked with ← → among `list` (the first shown and chosen).
    mutating func setChoices(_ list: [Choice], label: String) {
        guard let first = list.first else { return }
        fields.append(.init(label: label, input: TextInput("‹ \(first.label) ›")))
        choices[fields.count - 1] = list
    }

    /// The value of the choice field labelled `label`.
    public func choice(label: String) -> Choice? {
        fields.firstIndex { $0.label == label }.flatMap(choice)
    }

    /// Picks the next (`forward`) or previous choice of the focused field; false when it has none.
    mutating func stepChoice(forward: Bool) -> Bool {
        guard let list = choices[focus], !list.isEmpty else { return false }
        let next = ((chosen[focus] ?? 0) + (forward ? 1 : -1) + list.count) % list.count
        chosen[focus] = next
        fields[focus].input = TextInput("‹ \(list[next].label) ›")
        return true
    }
}
