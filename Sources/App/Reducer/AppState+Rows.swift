import XenAPI

extension AppState {
    /// The column titles of a list pane, in order (the views draw them; sorting uses their indices).
    public static func columnTitles(_ pane: Pane) -> [String] {
        pane == .templates
            ? ["NAME", "DISTRO RELEASE ARCH", "REPOSITORY", "PV-ARGS", "KIND"]
            : ["NAME", "POWER", "HOST", "INSTALL", "DRIFT"]
    }

    /// Recomputes both lists' rows from the records, filters and sort orders, keeping each selection
    /// on its object; marks of rows that are gone are dropped.
    mutating func refreshRows() {
        let rowCount = layout.listRows
        let previousTemplate = templates.selected
        let previousVM = vmList.selected
        templates.rows = rows(templateRecords, pane: .templates, list: templates)
        let vmRefs = vms.filter { !$0.value.isATemplate && !$0.value.isASnapshot && !$0.value.isControlDomain }
        vmList.rows = rows(vmRefs, pane: .vms, list: vmList)
        vmList.marked = vmList.marked.filter { vms[$0] != nil }
        templates.reselect(previousTemplate, visibleRows: rowCount)
        vmList.reselect(previousVM, visibleRows: rowCount)
    }

    private func rows(_ records: [Ref<VMRecord>: VMRecord], pane: Pane, list: ListState) -> [Ref<VMRecord>] {
        let filter = ListFilter(list.filter.text)
        let kept = filter.isEmpty ? records : records.filter { ref, record in
            filter.matches(record, host: host(of: record), install: { InstallState(ref: ref, record: record, state: self).label })
        }
        let natural: (VMRecord, VMRecord) -> Bool = pane == .templates
            ? { lhs, rhs in
                if lhs.isDefaultTemplate != rhs.isDefaultTemplate { return !lhs.isDefaultTemplate }
                return lhs.nameLabel.naturallyPrecedes(rhs.nameLabel)
            }
            : { $0.nameLabel.naturallyPrecedes($1.nameLabel) }
        var entries = kept.map { ref, record in
            (ref: ref, record: record, key: list.sort.column.map { sortKey(pane, column: $0, ref, record) } ?? "")
        }
        entries.sort { lhs, rhs in
            if list.sort.column != nil, lhs.key != rhs.key {
                return list.sort.isDescending ? rhs.key.naturallyPrecedes(lhs.key) : lhs.key.naturallyPrecedes(rhs.key)
            }
            if lhs.record.nameLabel == rhs.record.nameLabel { return lhs.ref < rhs.ref }
            let ascending = natural(lhs.record, rhs.record)
            return list.sort.column == nil && list.sort.isDescending ? !ascending : ascending
        }
        return entries.map(\.ref)
    }

    /// The text a row is sorted by in `column` (the column's text as drawn).
    private func sortKey(_ pane: Pane, column: Int, _ ref: Ref<VMRecord>, _ record: VMRecord) -> String {
        if pane == .templates {
            let config = record.otherConfig
            switch column {
            case 1: return [config["install-distro"], config["debian-release"], config["install-arch"]].compactMap { $0 }.joined(separator: " ")
            case 2: return config["install-repository"] ?? ""
            case 3: return record.pvArgs
            case 4: return record.isDefaultTemplate ? "default" : "custom"
            default: return record.nameLabel
            }
        }
        switch column {
        case 1: return record.powerState.rawValue.lowercased()
        case 2: return host(of: record) ?? ""
        case 3: return InstallState(ref: ref, record: record, state: self).label
        case 4: return drift(of: ref, record)?.columnText ?? ""
        default: return record.nameLabel
        }
    }

    /// The name of the host `record` runs on (nil when it is not running).
    func host(of record: VMRecord) -> String? {
        record.powerState == .running ? hosts[record.residentOn] : nil
    }
}
