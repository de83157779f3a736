/// One line of a creating plan for people and scripts: what it does, the XenAPI calls and the
/// equivalent `xe` commands (the new object's UUID as the shell variable `$VM`, set by the clone).
public struct PlannedStepListing: Sendable, Hashable, Codable {
    /// What the step does, e.g. `xsfai-pending-… PV-args: "" -> "…"`.
    public var summary: String
    /// The step as the journal records it (`nil` for the clone and the start, which are not steps).
    public var journal: JournalStep?
    /// The XenAPI calls, in order.
    public var calls: [String]
    /// The equivalent `xe` command lines.
    public var xe: [String]
}

extension CreationPlan {
    /// Every step in the order the controller runs them: the clone or copy, the set's steps, the start.
    public var listing: [PlannedStepListing] {
        let cloneXE =
            if let copySRUUID {
                "VM=$(xe vm-copy uuid=\(templateUUID) new-name-label=\(creation.marker.shellQuoted) sr-uuid=\(copySRUUID))"
            } else {
                "VM=$(xe vm-clone uuid=\(templateUUID) new-name-label=\(creation.marker.shellQuoted))"
            }
        var lines = [PlannedStepListing(
            summary: "\(creation.method) of \(creation.templateName) as \(creation.marker)", journal: nil,
            calls: [create.call.description], xe: [cloneXE])]
        var isTemplate = predicted.isATemplate
        for plan in steps {
            lines.append(PlannedStepListing(
                summary: plan.step.summary, journal: plan.step, calls: plan.writes.map(\.call.description),
                xe: Self.xeCommands(of: plan, isTemplate: isTemplate)))
            if plan.step.operation == "VM.provision" { isTemplate = false }
        }
        if startsAfter {
            lines.append(PlannedStepListing(
                summary: "\(creation.name) VM.start (after the change set; not journaled)", journal: nil,
                calls: [APICall("VM.start", [Self.newRef.rawValue, "false", "false"]).description],
                xe: ["xe vm-start uuid=\(Self.newUUID)"]))
        }
        return lines
    }

    /// The `xe` lines of one step on the object, a template or a VM by then (`isTemplate`).
    static func xeCommands(of plan: StepPlan, isTemplate: Bool) -> [String] {
        let step = plan.step
        let kind = isTemplate ? "template" : "vm"
        if step.operation == VIFCreation.method, let device = step.device, let network = step.network {
            return [VIFCreation.xeCommand(vmUUID: step.objectUUID, networkUUID: network, device: device)]
        }
        if let parameter = step.parameter {
            return paramSet(kind, step.objectUUID, parameter, old: step.old, new: step.new)
        }
        guard step.operation == "VM.provision" else { return ["# \(step.operation ?? "?"): no xe command"] }
        // The disks XML pointed at the SR rides in the provision step, as xe vm-install does it.
        let disks = plan.writes.first { $0.call.method == "VM.add_to_other_config" }.map { write in
            paramSet(kind, step.objectUUID, .otherConfig(ProvisionDisks.key), old: nil, new: write.call.arguments.last)
        } ?? []
        return disks + ["# VM.provision: no xe command of its own (xe vm-install calls it)"]
    }

    private static func paramSet(_ kind: String, _ uuid: String, _ parameter: VMParameter, old: String?, new: String?) -> [String] {
        let target = PlanTarget(ref: newRef.rawValue, uuid: uuid, nameLabel: "", isTemplate: kind == "template")
        let change = PlannedChange(parameter: parameter, old: old, new: new, calls: [])
        return ChangePlan(target: target, changes: [change]).xeCommands
    }
}

extension CreationPlan: Encodable {
    /// The plan as JSON: the command, the new object's name, the template, the method, the marker,
    /// whether it starts, and ``listing``.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(creation.name, forKey: .name)
        try container.encode(creation.templateName, forKey: .template)
        try container.encode(creation.templateUUID, forKey: .templateUUID)
        try container.encode(creation.method, forKey: .method)
        try container.encode(creation.marker, forKey: .marker)
        try container.encode(startsAfter, forKey: .start)
        try container.encode(listing, forKey: .steps)
    }

    private enum CodingKeys: String, CodingKey {
        case command, name, template, method, marker, start, steps
        case templateUUID = "template_uuid"
    }
}
