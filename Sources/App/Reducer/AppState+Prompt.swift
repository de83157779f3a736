import FAIControl
import TUI
import XenAPI

extension AppState {
    /// `n` on a template: name (suggested), SR (← → picks; the template's own by default), the
    /// install repository (the template's, editable) and the network (← →, ``networkChoices(for:)``).
    mutating func openNewInstall(_ ref: Ref<VMRecord>, _ record: VMRecord) {
        var form = PromptForm(purpose: .newInstall(template: ref), fields: [
            .init(label: "Name", input: TextInput(suggestedName(from: record))),
            .init(label: "SR", input: TextInput("‹ template's SR ›")),
            .init(label: "Repository", input: TextInput(record.otherConfig["install-repository"] ?? "")),
        ])
        form.setChoices(networkChoices(for: record), label: "Network")
        let srs = storageRepositories.filter { $0.value.contentType != "iso" }
            .sorted { $0.value.nameLabel.naturallyPrecedes($1.value.nameLabel) }
        form.choices[1] = [PromptForm.Choice("template's SR", value: nil)]
            + srs.map { PromptForm.Choice("\($0.value.nameLabel) (\($0.value.type))", value: $0.value.uuid) }
        if let monitor = fleet.monitorTarget {
            // As install --monitor: FAI then reports each task to the monitor (the fleet pane, 4).
            let words = monitor.words.joined(separator: " ")
            form.setChoices([PromptForm.Choice("add \(words)", value: words), PromptForm.Choice("no monitor", value: nil)],
                            label: Self.monitorFieldLabel)
        }
        overlay = .prompt(form)
    }

    /// The new-install field offering the monitor arguments.
    static let monitorFieldLabel = "Monitor"

    /// `C` on a template: the copy's name and description (the wiki's first step).
    mutating func openCopyTemplate(_ ref: Ref<VMRecord>, _ record: VMRecord) {
        overlay = .prompt(PromptForm(purpose: .copyTemplate(ref), fields: [
            .init(label: "Name", input: TextInput(freeName("Copy of \(record.nameLabel)"))),
            .init(label: "Description", input: TextInput("FAI installs, copied from \(record.nameLabel)")),
        ]))
    }

    /// `R`: a new name-label (a plan, reviewed and applied like any edit).
    mutating func openRename(_ ref: Ref<VMRecord>, _ record: VMRecord) {
        overlay = .prompt(PromptForm(purpose: .rename(ref), fields: [.init(label: "Name", input: TextInput(record.nameLabel))]))
    }

    /// Keys of a prompt form: Tab ↑↓ fields, ← → choices, Enter goes ahead (a name in use asks once more).
    mutating func promptKey(_ key: Key, _ form: inout PromptForm) -> [Effect] {
        switch key {
        case .escape:
            overlay = nil
            return []
        case .tab, .down:
            form.focus = (form.focus + 1) % form.fields.count
        case .backTab, .up:
            form.focus = (form.focus + form.fields.count - 1) % form.fields.count
        case .left where form.choices[form.focus] != nil, .right where form.choices[form.focus] != nil:
            _ = form.stepChoice(forward: key == .right)
        case .enter:
            return submit(form)
        default:
            guard form.choices[form.focus] == nil else { break }
            let before = form.fields[form.focus].input.text
            _ = form.fields[form.focus].input.apply(key)
            if form.fields[form.focus].input.text != before { form.warning = nil }
        }
        overlay = .prompt(form)
        return []
    }

    private mutating func submit(_ form: PromptForm) -> [Effect] {
        var form = form
        let name = form.text(0)
        guard !name.isEmpty else { return [] }
        let subject: Ref<VMRecord>
        switch form.purpose {
        case .newInstall(let ref), .copyTemplate(let ref), .rename(let ref): subject = ref
        }
        let inUse = vms.contains { $0.key != subject && $0.value.nameLabel == name && !$0.value.isASnapshot }
        if inUse, form.warning == nil {
            form.warning = "\"\(name)\" is in use already: Enter again makes a second one, or change the name"
            overlay = .prompt(form)
            return []
        }
        overlay = nil
        switch form.purpose {
        case .newInstall(let template):
            guard let record = vms[template] else { return [] }
            let repository = form.text(2)
            let templateRepository = record.otherConfig["install-repository"] ?? ""
            var request = InstallRequest(
                name: name, template: record.uuid,
                repository: repository.isEmpty || repository == templateRepository ? nil : repository, sr: form.choice(1)?.value)
            request.allowDuplicateName = inUse  // the operator pressed Enter twice on a name in use
            if let network = form.choice(label: "Network")?.value {
                if network.isEmpty { request.withoutNetwork = true } else { request.networks = [network] }
            }
            if form.choice(label: Self.monitorFieldLabel)?.value != nil {
                request.monitor = fleet.monitorTarget
            }
            status = StatusMessage("creating \(name) from \(record.nameLabel)…")
            return [.install(request, template: template, record: record)]
        case .copyTemplate(let template):
            status = StatusMessage("copying \(vms[template]?.nameLabel ?? "template") to \(name)…")
            return [.copyTemplate(template, name: name, description: form.text(1))]
        case .rename(let ref):
            guard let record = vms[ref], record.nameLabel != name else {
                status = StatusMessage("nothing changed")
                return []
            }
            overlay = .plan(ChangePlan(ref: ref, record: record, requested: [ParamChange(.nameLabel, name)]))
            return []
        }
    }

    /// A name like `base` that no VM or template has (`base`, `base 2`, `base 3`, …).
    private func freeName(_ base: String) -> String {
        let names = Set(vms.values.map(\.nameLabel))
        var candidate = base
        var number = 2
        while names.contains(candidate) {
            candidate = "\(base) \(number)"
            number += 1
        }
        return candidate
    }

    /// The next free `fai-<release>-NN` name for a new install from `template`.
    func suggestedName(from template: VMRecord) -> String {
        let base = template.otherConfig["debian-release"].map { "fai-\($0)" } ?? "fai"
        let names = Set(vms.values.map(\.nameLabel))
        func name(_ number: Int) -> String { number < 10 ? "\(base)-0\(number)" : "\(base)-\(number)" }
        var number = 1
        while names.contains(name(number)) { number += 1 }
        return name(number)
    }
}
