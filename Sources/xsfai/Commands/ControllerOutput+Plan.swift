import FAIControl

extension ControllerOutput {
    /// A creating plan as text: every step in order, numbered, with its XenAPI calls and the equivalent
    /// `xe` commands (`$VM` is the new object's UUID, which the clone prints).
    static func text(_ plan: CreationPlan) -> String {
        var lines = ["Plan: \(plan.command) \(plan.creation.name) from \(plan.creation.templateName), one change set:"]
        for (number, step) in plan.listing.enumerated() {
            lines.append("  \(number + 1). \(step.summary)")
            lines += step.calls.map { "       call: \($0)" }
            lines += step.xe.map { "       xe:   \($0)" }
        }
        return lines.joined(separator: "\n")
    }

    /// One line for a plan inside a batch: the name and each step's operation or parameter.
    static func summaryLine(_ plan: CreationPlan) -> String {
        let steps = plan.listing.map { step -> String in
            guard let journal = step.journal else { return step.calls.first.map { String($0.prefix { $0 != "(" }) } ?? "?" }
            if let device = journal.device { return "VIF.create \(device) on \(journal.networkName ?? "?")" }
            return journal.parameter?.xeName ?? journal.operation ?? "?"
        }
        return "\(plan.creation.name): " + steps.joined(separator: ", ")
    }
}
