public import XenAPI

/// Finds the template or VM a command names: by exact UUID, exact name-label, or unique UUID prefix.
///
/// Snapshots are never targets. An exact UUID wins, then an exact name-label, then a UUID prefix; a
/// name or prefix that matches several objects is an error listing them.
public struct TargetResolver: Sendable {
    /// The objects to search.
    public let records: [Ref<VMRecord>: VMRecord]

    /// Searches `records` (typically `VM.get_all_records`).
    public init(records: [Ref<VMRecord>: VMRecord]) { self.records = records }

    /// The one object `query` names among objects of `kind`.
    public func resolve(_ query: String, kind: TargetKind) throws(TargetError) -> (ref: Ref<VMRecord>, record: VMRecord) {
        let candidates = records.filter { _, record in
            guard !record.isASnapshot else { return false }
            switch kind {
            case .template: return record.isATemplate
            case .vm: return !record.isATemplate
            case .any: return true
            }
        }.sorted { ($0.value.nameLabel, $0.value.uuid) < ($1.value.nameLabel, $1.value.uuid) }
        guard !query.isEmpty else { throw .unknown(query, kind: kind, suggestions: []) }
        let lowered = query.lowercased()
        if let exact = candidates.first(where: { $0.value.uuid.lowercased() == lowered }) {
            return (exact.key, exact.value)
        }
        let named = candidates.filter { $0.value.nameLabel == query }
        if named.count == 1, let only = named.first { return (only.key, only.value) }
        if named.count > 1 { throw .ambiguous(query, kind: kind, matches: named.map { Self.describe($0.value) }) }
        let prefixed = candidates.filter { $0.value.uuid.lowercased().hasPrefix(lowered) }
        if prefixed.count == 1, let only = prefixed.first { return (only.key, only.value) }
        if prefixed.count > 1 {
            throw .ambiguous(query, kind: kind, matches: prefixed.map { Self.describe($0.value) })
        }
        let similar = candidates.filter { $0.value.nameLabel.lowercased().contains(lowered) }
        throw .unknown(query, kind: kind, suggestions: similar.prefix(10).map { Self.describe($0.value) })
    }

    /// The template a VM was made from, when it can be identified (see ``templateLookup(of:)``).
    public func template(of record: VMRecord) -> (ref: Ref<VMRecord>, record: VMRecord)? {
        if case .found(let ref, let template, _) = templateLookup(of: record) { return (ref, template) }
        return nil
    }

    /// Finds the template a VM was made from by identity: the template whose UUID xsfai recorded at
    /// install (``InstallKeys/templateUUID``); for other VMs, the one template whose name-label is the
    /// VM's `other_config.base_template_name` (which `VM.clone` of a template records). Several
    /// templates with that name are ``TemplateLookup/ambiguous(name:candidates:)``: never guessed.
    public func templateLookup(of record: VMRecord) -> TemplateLookup {
        let templates = records.filter { $0.value.isATemplate && !$0.value.isASnapshot }
        if let uuid = record.otherConfig[InstallKeys.templateUUID], !uuid.isEmpty {
            if let found = templates.first(where: { $0.value.uuid == uuid }) { return .found(found.key, found.value, by: .uuid) }
            return .missing(reason: "its template \(uuid) (other-config:\(InstallKeys.templateUUID)) no longer exists")
        }
        guard let name = record.otherConfig["base_template_name"], !name.isEmpty else {
            return .missing(reason: "it has no other-config:base_template_name")
        }
        let named = templates.filter { $0.value.nameLabel == name }.sorted { $0.value.uuid < $1.value.uuid }
        switch named.count {
        case 0: return .missing(reason: "no template is named \"\(name)\" (its base_template_name)")
        case 1: return .found(named[0].key, named[0].value, by: .name)
        default: return .ambiguous(name: name, candidates: named.map { Self.describe($0.value) })
        }
    }

    /// `name (uuid)` for candidate lists.
    static func describe(_ record: VMRecord) -> String {
        "\(record.nameLabel) (\(record.uuid))"
    }
}
