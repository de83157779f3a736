public import XenAPI

/// Everything a creating change set (`install`, `template-copy`) will do, decided before anything is
/// written: the clone (or copy) under the set's marker name, then each step on the new object, then
/// the start when asked for. `--dry-run` prints this value and the controller runs this same value
/// (``PoolController/execute(_:)``), so what was shown is what is written.
///
/// Until the clone exists its steps name the new object by placeholders (``newRef``, ``newUUID``);
/// ``bound(to:uuid:)`` puts in the real ones. The steps are planned against ``predicted``, the record
/// a clone of the template has (xapi's clone copies every field the steps read); the run checks the
/// real clone against it before writing a step (``mismatches(in:)``).
public struct CreationPlan: Sendable, Hashable {
    /// The ref the steps use for the object not yet created.
    public static let newRef = Ref<VMRecord>("<new VM>")
    /// The UUID the steps (and the xe commands, as a shell variable) use for the object not yet created.
    public static let newUUID = "$VM"

    /// The change set's id (its marker name holds it).
    public var id: String
    /// The journaled command: `install` or `template-copy`.
    public var command: String
    /// What is created and how to find it again.
    public var creation: Creation
    /// The clone or copy, with its probe (found by the marker when its reply is lost).
    public var create: PlannedWrite
    /// The template's UUID (for the xe commands).
    public var templateUUID: String
    /// The SR UUID a copy goes to (`VM.copy`), `nil` for a clone.
    public var copySRUUID: String?
    /// The steps on the new object, in order, with placeholders until bound.
    public var steps: [StepPlan]
    /// The record the steps were planned against: the template as its clone will be.
    public var predicted: VMRecord
    /// The parameters the steps were planned from (their values in ``predicted``).
    public var inputs: [VMParameter]
    /// Whether the new VM is started after the set (`--start`; not journaled: nothing to undo).
    public var startsAfter = false

    /// Creates a plan from its parts.
    public init(
        id: String, command: String, creation: Creation, create: PlannedWrite, templateUUID: String, copySRUUID: String?,
        steps: [StepPlan], predicted: VMRecord, inputs: [VMParameter]
    ) {
        self.id = id
        self.command = command
        self.creation = creation
        self.create = create
        self.templateUUID = templateUUID
        self.copySRUUID = copySRUUID
        self.steps = steps
        self.predicted = predicted
        self.inputs = inputs
    }

    /// The record a clone or copy of `template` named `marker` has, as xapi makes it: a new UUID, the
    /// name, not a default template, `default_template` and `xensource_internal` dropped and
    /// `base_template_name` set when the source is a template; everything else as the template has it.
    public static func predictedClone(of template: VMRecord, marker: String) -> VMRecord {
        var record = template
        record.uuid = newUUID
        record.nameLabel = marker
        record.isDefaultTemplate = false
        record.otherConfig["default_template"] = nil
        record.otherConfig["xensource_internal"] = nil
        if template.isATemplate { record.otherConfig["base_template_name"] = template.nameLabel }
        return record
    }

    /// The target the steps name until bound.
    public var placeholderTarget: PlanTarget { PlanTarget(ref: Self.newRef, record: predicted) }

    /// The steps with the new object's real `ref` and `uuid` in place of the placeholders.
    public func bound(to ref: Ref<VMRecord>, uuid: String) -> [StepPlan] {
        steps.map { $0.replacing(Self.newRef, by: ref, uuid: (Self.newUUID, uuid)) }
    }

    /// The parameters whose value in `actual` (the clone as read) differs from the plan's, as
    /// `name: planned -> actual`; empty when the plan holds.
    public func mismatches(in actual: VMRecord) -> [String] {
        var found = inputs.compactMap { parameter -> String? in
            let planned = parameter.value(in: predicted), now = parameter.value(in: actual)
            return planned == now ? nil : "\(parameter.xeName): \(JournalStep.show(planned)) -> \(JournalStep.show(now))"
        }
        if actual.isATemplate != predicted.isATemplate { found.append("is-a-template: \(predicted.isATemplate) -> \(actual.isATemplate)") }
        return found
    }
}
