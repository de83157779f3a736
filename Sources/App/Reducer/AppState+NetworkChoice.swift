import FAIControl
import XenAPI

extension AppState {
    /// The network choices of a new install from `template`, the default first (as `xsfai install`
    /// chooses it, ``NetworkChoice``): a template with VIFs keeps its copies; otherwise the pool's
    /// networks for guests (xapi's own never offered), then "no network". A choice's value is a network
    /// UUID, `nil` for the template's VIFs, `""` for none.
    func networkChoices(for template: VMRecord) -> [PromptForm.Choice] {
        let forGuests = networks.values.filter { !$0.isInternal }.sorted { $0.nameLabel.naturallyPrecedes($1.nameLabel) }
        let offered = forGuests.map { PromptForm.Choice("\($0.nameLabel) (\($0.bridge))", value: $0.uuid) }
        if !template.vifs.isEmpty {
            return [PromptForm.Choice("template's \(template.vifs.count) VIF\(template.vifs.count == 1 ? "" : "s"), copied", value: nil)] + offered
        }
        if forGuests.isEmpty { return [PromptForm.Choice("none: the pool has no network for guests", value: "")] }
        return offered + [PromptForm.Choice("no network (FAI cannot netboot)", value: "")]
    }
}
