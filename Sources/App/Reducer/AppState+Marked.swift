import FAIControl
import TUI
import XenAPI

extension AppState {
    /// `r`, `s`, `S` on the VMs marked with Space or `*` (`marked`, in display order): one confirmation listing every VM and what
    /// happens to it (or why it is skipped); `nil` for keys that do not act on marked VMs.
    mutating func markedVMsKey(_ key: Key, _ marked: [Ref<VMRecord>]) -> [Effect]? {
        let targets = marked.compactMap { ref in vms[ref].map { (ref, $0) } }
        guard !targets.isEmpty else { return nil }
        switch key {
        case .character("r"):
            let planner = self
            return confirmBatch(verb: "Rearm", targets, { planner.rearmLine($0, $1, withMonitor: true) },
                                without: { planner.rearmLine($0, $1, withMonitor: false) })
        case .character("s"): return confirmBatch(verb: "Start", targets, startLine)
        case .character("S"): return confirmBatch(verb: "Hard shutdown of", targets, hardShutdownLine)
        case .character("D"): return destroyKey(targets)
        default: return nil
        }
    }

    /// Builds the confirmation: a line per VM from `line` (its text, its effect or nil when skipped,
    /// its xe commands) and the effects of those that are not skipped, done in order on `y`.
    func batchConfirmation(
        verb: String, _ targets: [(Ref<VMRecord>, VMRecord)], warning: String? = nil,
        _ line: (Ref<VMRecord>, VMRecord) -> (text: String, effect: Effect?, xe: [String])
    ) -> Confirmation? {
        let planned = targets.map { line($0.0, $0.1) }
        let effects = planned.compactMap(\.effect)
        guard !effects.isEmpty else { return nil }
        var text = ["\(verb) \(effects.count) of \(targets.count) marked VM\(targets.count == 1 ? "" : "s"):"]
        text += planned.map { "  " + $0.text }
        if let warning { text += ["", warning] }
        let commands = planned.flatMap(\.xe)
        if !commands.isEmpty { text += ["", "Equivalent xe commands:"] + commands.map { "  " + $0 } }
        return Confirmation(question: text.joined(separator: "\n"), effect: effects.count == 1 ? effects[0] : .batch(effects))
    }

    /// `without` is the batch without the monitor arguments: offered under `w` when it differs.
    private mutating func confirmBatch(
        verb: String, _ targets: [(Ref<VMRecord>, VMRecord)],
        _ line: (Ref<VMRecord>, VMRecord) -> (text: String, effect: Effect?, xe: [String]),
        without: ((Ref<VMRecord>, VMRecord) -> (text: String, effect: Effect?, xe: [String]))? = nil
    ) -> [Effect] {
        if var confirmation = batchConfirmation(verb: verb, targets, line) {
            if let without {
                let plain = batchConfirmation(verb: verb, targets, without)
                if plain?.effect != confirmation.effect {
                    confirmation = batchConfirmation(verb: verb, targets, warning: monitorNote, line) ?? confirmation
                    confirmation.alternative = plain.map {
                        Confirmation.Alternative(key: "w", label: "without monitor args", effect: $0.effect)
                    }
                }
            }
            overlay = .confirm(confirmation)
        } else {
            status = StatusMessage("\(verb.lowercased()): nothing to do for the \(targets.count) marked VMs", kind: .error)
        }
        return []
    }

    /// What the PV-args gain when the monitor arguments are offered (a rearm's confirmation says it).
    var monitorNote: String? {
        fleet.monitorTarget.map {
            "The PV-args gain \($0.words.joined(separator: " ")): FAI reports each task to the monitor (fleet pane, 4)."
        }
    }

    /// One VM's line of a rearm confirmation: the plan's changes (with the monitor arguments when
    /// `withMonitor`), its effect, its xe commands; skipped when armed already or refused.
    func rearmLine(_ ref: Ref<VMRecord>, _ record: VMRecord, withMonitor: Bool) -> (text: String, effect: Effect?, xe: [String]) {
        let plan: RearmPlan
        do {
            plan = try rearmPlan(ref, record, force: true, withMonitor: withMonitor)
        } catch {
            return ("\(record.nameLabel): skipped, \(error.description)", nil, [])
        }
        if plan.isAlreadyArmed { return ("\(record.nameLabel): skipped, already armed", nil, []) }
        let changes = plan.changes.changes.map { "\($0.parameter.xeName) \($0.old ?? "(absent)") → \($0.new ?? "(removed)")" }
        let first = plan.shutsDownFirst ? "hard shutdown (\(record.powerState.rawValue.lowercased())), then " : ""
        let xe = (plan.shutsDownFirst ? ["xe vm-shutdown --force uuid=\(record.uuid)"] : []) + plan.changes.xeCommands
        return ("\(record.nameLabel): \(first)\(changes.joined(separator: ", "))", .rearm(plan), xe)
    }

    private func startLine(_ ref: Ref<VMRecord>, _ record: VMRecord) -> (text: String, effect: Effect?, xe: [String]) {
        if record.isATemplate { return ("\(record.nameLabel): skipped, a template", nil, []) }
        guard record.powerState == .halted else {
            return ("\(record.nameLabel): skipped, \(record.powerState.rawValue.lowercased())", nil, [])
        }
        return ("\(record.nameLabel): start", .startVM(ref), ["xe vm-start uuid=\(record.uuid)"])
    }

    private func hardShutdownLine(_ ref: Ref<VMRecord>, _ record: VMRecord) -> (text: String, effect: Effect?, xe: [String]) {
        guard record.powerState != .halted else { return ("\(record.nameLabel): skipped, already halted", nil, []) }
        return ("\(record.nameLabel): hard shutdown (\(record.powerState.rawValue.lowercased())); unsaved guest state is lost",
                .hardShutdownVM(ref), ["xe vm-shutdown --force uuid=\(record.uuid)"])
    }
}

extension AppState {
    /// `D`: destroy VMs (halted) or a custom template; first reads their disks, then asks once,
    /// naming every disk. Vendor default templates are refused at once.
    mutating func destroyKey(_ targets: [(Ref<VMRecord>, VMRecord)]) -> [Effect] {
        if let vendor = targets.first(where: { $0.1.isDefaultTemplate }) {
            status = StatusMessage("\(vendor.1.nameLabel) is a vendor default template: it cannot be deleted (C copies it)", kind: .error)
            return []
        }
        let names = targets.map(\.1.nameLabel).joined(separator: ", ")
        status = StatusMessage("reading the disks of \(names)…")
        return [.planDestroy(targets.map(\.0))]
    }

    /// The disks are known: one confirmation naming every VM and disk; says it cannot be undone.
    mutating func destroyPlanned(_ plans: [DestroyPlan], refused: [String]) -> [Effect] {
        guard !plans.isEmpty else {
            status = StatusMessage("nothing to destroy: " + refused.joined(separator: "; "), kind: .error)
            return []
        }
        var lines = ["Destroy \(plans.count) \(plans.count == 1 ? (plans[0].isTemplate ? "template" : "VM") : "objects")? "
            + "This cannot be undone (it is journaled as not undoable):"]
        lines += plans.map { "  " + $0.confirmationText }
        lines += refused.map { "  skipped: " + $0 }
        lines += ["", "Equivalent xe commands:"] + plans.flatMap(\.xeCommands).map { "  " + $0 }
        status = nil  // the disks are read: the confirmation says what happens now
        overlay = .confirm(Confirmation(
            question: lines.joined(separator: "\n"),
            effect: plans.count == 1 ? .destroy(plans[0]) : .batch(plans.map(Effect.destroy))))
        return []
    }

    /// `h` clean shutdown, `b` clean reboot of a running VM (the guest is asked; confirm first).
    mutating func politePowerKey(_ isShutdown: Bool, _ ref: Ref<VMRecord>, _ record: VMRecord) -> [Effect] {
        guard !record.isATemplate else {
            status = StatusMessage("\(record.nameLabel) is a template: templates never run", kind: .error)
            return []
        }
        guard record.powerState == .running else {
            status = StatusMessage("\(record.nameLabel) is \(record.powerState.rawValue.lowercased()): \(isShutdown ? "shutdown" : "reboot") needs it running", kind: .error)
            return []
        }
        overlay = .confirm(Confirmation(
            question: isShutdown
                ? "Shut \(record.nameLabel) down cleanly? The guest is asked to halt (xe vm-shutdown uuid=\(record.uuid))."
                : "Reboot \(record.nameLabel) cleanly? The guest is asked to restart (xe vm-reboot uuid=\(record.uuid)).",
            effect: isShutdown ? .cleanShutdownVM(ref) : .rebootVM(ref)))
        return []
    }
}
