public import FAIControl
public import FAIMonitor
public import TUI
public import XenAPI

/// The fleet pane's state: what the FAI monitor heard, which VMs are in an install attempt, and the
/// rows (computed, filtered and sorted) with their selection, filter, sort and marks.
public struct FleetState: Sendable, Hashable {
    /// How the rows are ordered (`<` `>` cycle, `I` reverses).
    public enum Sort: Int, Sendable, Hashable, CaseIterable {
        /// Attention first: failed, no-boot, hung, then running, waiting, finished.
        case state
        /// By VM name (natural order).
        case name
        /// Longest running first.
        case elapsed

        /// As shown in the title.
        public var title: String {
            switch self {
            case .state: "state"
            case .name: "name"
            case .elapsed: "elapsed"
            }
        }
    }

    /// Which rows are shown (`f` cycles).
    public enum StateFilter: Int, Sendable, Hashable, CaseIterable {
        /// Every attempt.
        case all
        /// Attempts without a verdict yet (waiting or running).
        case active
        /// Failed, no-boot or hung attempts.
        case bad
        /// Attempts that finished well (with or without warnings).
        case good

        /// As shown in the title.
        public var title: String {
            switch self {
            case .all: "all"
            case .active: "running"
            case .bad: "failed"
            case .good: "ok"
            }
        }

        /// Whether `verdict` passes.
        public func admits(_ verdict: FleetRow.Verdict) -> Bool {
            switch self {
            case .all: true
            case .active: !verdict.isDecided
            case .bad: verdict.isBad
            case .good: verdict.isDecided && !verdict.isBad
            }
        }
    }

    /// What the FAI monitor heard (`nil`: no monitor source runs).
    public var monitor: MonitorFleet?
    /// Where the monitor hears from, for the title: `listening on 0.0.0.0:4711`, `following PATH`.
    public var monitorSource: String?
    /// The arguments `n` and `r` offer to add to PV-args so installs report to the monitor.
    public var monitorTarget: MonitorKernelArguments?
    /// The wall clock (seconds since the epoch) as last told by the loop (elapsed times).
    public var now: Double = 0
    /// VMs whose install attempt this TUI began (started, rearmed, created), and when.
    public var begun: [Ref<VMRecord>: Double] = [:]
    /// The background capture each attempt this TUI began found (its previous attempt's): its last
    /// line is not this attempt's.
    public var earlierCaptures: [Ref<VMRecord>: Int] = [:]
    /// When the attempts this TUI began were first seen decided (their elapsed time stops there).
    public var ended: [Ref<VMRecord>: Double] = [:]
    /// The MACs of each VM's VIFs, first NIC first.
    public var macs: [Ref<VMRecord>: [String]] = [:]
    /// Host names the VMs' consoles printed (FAI's DHCP reply), for mapping `FAI_SENDID=host` senders.
    public var consoleHostNames: [Ref<VMRecord>: String] = [:]
    /// Monitor senders mapped to VMs: VIF MACs, pxe ids, name-labels and console host names.
    public var mapping = SenderMapping([])
    /// VMs by UUID (the mapping names VMs by UUID).
    public var vmsByUUID: [String: Ref<VMRecord>] = [:]
    /// The rows shown, filtered and sorted.
    public var rows: [FleetRow] = []
    /// Selection and scroll offset.
    public var position = ListPosition()
    /// The `/` filter text (``ListFilter`` terms over name, host, state, task).
    public var filter = TextInput()
    /// Whether the filter is being typed.
    public var isEditingFilter = false
    /// The order.
    public var sort = Sort.state
    /// Whether the order is reversed.
    public var isDescending = false
    /// The state filter.
    public var stateFilter = StateFilter.all
    /// VMs marked with Space or `*`: `r` and `s` act on all of them.
    public var marked: Set<Ref<VMRecord>> = []

    /// An empty fleet.
    public init() {}

    /// The selected row, if any.
    public var selected: FleetRow? {
        position.selection < rows.count ? rows[position.selection] : nil
    }

    /// The marked VMs in display order.
    public var markedInOrder: [Ref<VMRecord>] { rows.compactMap(\.vm).filter { marked.contains($0) } }

    /// Whether a row still waits for a verdict (the loop then ticks the clock for elapsed times).
    public var hasActiveRows: Bool { rows.contains { !$0.verdict.isDecided } }
}
