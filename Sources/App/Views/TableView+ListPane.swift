import TUI
import XenAPI

extension TableView {
    /// The table of a list pane: builds only the rows visible in `height` (one per record, with
    /// `row`), and when there are none says the pane is empty or that the filter matches nothing.
    init(
        list: ListState, records: [Ref<VMRecord>: VMRecord], columns: [TableColumn], isFocused: Bool,
        noun: (singular: String, plural: String), height: Int,
        row: (Ref<VMRecord>, VMRecord) -> TableRow
    ) {
        let visible = Self.visibleRange(count: list.rows.count, position: list.position, height: height)
        let rows = list.rows[visible].map { ref in records[ref].map { row(ref, $0) } ?? TableRow([]) }
        let emptyText = list.filter.text.isEmpty ? "(no \(noun.plural) yet)" : "(no \(noun.singular) matches the filter)"
        self.init(columns: columns, rowCount: list.rows.count, visibleRows: rows, position: list.position,
                  isFocused: isFocused, emptyText: emptyText, height: height)
    }
}
