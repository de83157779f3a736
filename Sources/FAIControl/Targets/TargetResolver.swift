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

    /// The template a VM was made from: the one whose name-label is the VM's
    /// `other_config.base_template_name` (which `VM.clone` of a template records); `nil` when the key is
    /// missing or empty, or no template has that name.
    public func template(of record: VMRecord) -> (ref: Ref<VMRecord>, record: VMRecord)? {
        guard let name = record.otherConfig["base_template_name"], !name.isEmpty else { return nil }
        let base = records.filter { $0.value.isATemplate && !$0.value.isASnapshot && $0.value.nameLabel == name }
            .min { $0.value.uuid < $1.value.uuid }
        return base.map { ($0.key, $0.value) }
    }

    /// `name (uuid)` for candidate lists.
    static func describe(_ record: VMRecord) -> String {
        "\(record.nameLabel) (\(record.uuid))"
    }
}
