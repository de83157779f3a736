public import XenAPI

/// Compares VMs' PV-args and install keys with their templates: the check that finds the XenCenter
/// bug (a VM created with empty PV-args) and other lost install settings.
///
/// Compared: `PV-args`, `install-repository`, `debian-release`, `install-arch` — the values eliloader and
/// the FAI installer need. `install-distro` and `PV-bootloader` are not compared: eliloader changes them
/// at first boot by design. A parameter the template leaves empty is not compared. The template is the
/// one ``TargetResolver/templateLookup(of:)`` identifies (the UUID recorded at install, else a
/// `base_template_name` only one template has); an ambiguous name is reported, never guessed.
public enum DriftChecker {
    /// The parameters compared.
    public static let comparedParameters: [VMParameter] = [
        .pvArgs, .otherConfig(InstallKeys.repository), .otherConfig(InstallKeys.debianRelease),
        .otherConfig(InstallKeys.arch),
    ]

    /// Whether `record` is a VM the check covers: a PV VM that is not a template, snapshot or control domain.
    public static func isCovered(_ record: VMRecord) -> Bool {
        !record.isATemplate && !record.isASnapshot && !record.isControlDomain && record.isPV
    }

    /// Compares the VM `ref` with its template, found among `resolver`'s records.
    public static func check(_ ref: Ref<VMRecord>, _ record: VMRecord, resolver: TargetResolver) -> DriftResult {
        let lookup = resolver.templateLookup(of: record)
        guard case .found(_, let template, _) = lookup else {
            let isAmbiguous = if case .ambiguous = lookup { true } else { false }
            return DriftResult(
                vm: record.nameLabel, uuid: record.uuid, template: nil, status: isAmbiguous ? .ambiguousTemplate : .noTemplate,
                plan: ChangePlan(ref: ref, record: record, requested: []), problem: lookup.problem)
        }
        let requested = comparedParameters.compactMap { parameter -> ParamChange? in
            guard let value = parameter.value(in: template), !value.isEmpty else { return nil }
            return ParamChange(parameter, value)
        }
        let plan = ChangePlan(ref: ref, record: record, requested: requested)
        return DriftResult(
            vm: record.nameLabel, uuid: record.uuid, template: template.nameLabel,
            status: plan.isEmpty ? .inSync : .drifted, plan: plan, templateUUID: template.uuid)
    }

    /// Checks every covered VM in `resolver`'s records, ordered by name.
    public static func checkAll(resolver: TargetResolver) -> [DriftResult] {
        resolver.records.filter { isCovered($0.value) }
            .sorted { ($0.value.nameLabel, $0.value.uuid) < ($1.value.nameLabel, $1.value.uuid) }
            .map { check($0.key, $0.value, resolver: resolver) }
    }
}
