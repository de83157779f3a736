import XenAPI

extension XenAPICalling {
    /// The SR `query` names — its UUID (any case) or its exact name-label — as `xe`'s `sr-uuid=` /
    /// `sr-name-label=` find it; anything but exactly one match fails listing the pool's SRs.
    public func storageRepository(_ query: String) throws -> (ref: Ref<SRRecord>, record: SRRecord) {
        let srs = try allSRRecords()
        let lowered = query.lowercased()
        let matches = srs.filter { $0.value.uuid.lowercased() == lowered || $0.value.nameLabel == query }
        guard matches.count == 1, let only = matches.first else {
            throw InstallError.unknownSR(query, candidates: srs.values.map { "\($0.nameLabel) (\($0.uuid))" }.sorted())
        }
        return (only.key, only.value)
    }
}
