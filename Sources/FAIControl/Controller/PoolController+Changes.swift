import XenAPI

extension PoolController {
    /// Applies parameter plans (`template-set`, `vm-set`, `check --fix`, the TUI's edit) as one change
    /// set, in order; empty plans write nothing.
    public func apply(_ plans: [ChangePlan], command: String) throws -> ChangeOutcome {
        let steps = plans.flatMap(StepPlan.changes(of:))
        guard !steps.isEmpty else { return ChangeOutcome(set: nil, xeCommands: [], notes: ["nothing to change"]) }
        try refuseWhilePending()
        let run = ChangeSetRun(controller: self, command: command)
        try run.announce(steps)
        try run.runAll()
        let set = try run.finish()
        return ChangeOutcome(set: set, xeCommands: plans.flatMap(\.xeCommands))
    }

    /// Applies one parameter plan as a change set.
    public func apply(_ plan: ChangePlan, command: String) throws -> ChangeOutcome {
        try apply([plan], command: command)
    }

    /// Rearms the VM of `plan` (a ``RearmPlanner`` plan the caller made): hard shutdown when planned,
    /// then the parameter changes, as one change set; `start` boots it afterwards (not part of the set).
    public func rearm(_ plan: RearmPlan, start: Bool = false) throws -> ChangeOutcome {
        let target = plan.changes.target
        var outcome = ChangeOutcome(set: nil, xeCommands: [], notes: ["\(target.nameLabel) is already armed: nothing written"])
        if !plan.isAlreadyArmed {
            try refuseWhilePending()
            var steps = plan.shutsDownFirst ? [StepPlan.power("VM.hard_shutdown", target: target, leaving: .halted)] : []
            steps += StepPlan.changes(of: plan.changes)
            let run = ChangeSetRun(controller: self, command: "rearm")
            try run.announce(steps)
            try run.runAll()
            let xe = (plan.shutsDownFirst ? ["xe vm-shutdown --force uuid=\(target.uuid)"] : []) + plan.changes.xeCommands
            outcome = ChangeOutcome(set: try run.finish(), xeCommands: xe)
        }
        if start {
            try self.start(Ref<VMRecord>(target.ref))
            outcome.xeCommands.append("xe vm-start uuid=\(target.uuid)")
        }
        return outcome
    }
}
