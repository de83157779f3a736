public import TUI
public import XenAPI

/// Everything the TUI shows, as one value. Changed only by `reduce(_:)`.
public struct AppState: Sendable, Hashable {
    /// The screen size.
    public var size: Size
    /// The pane in front: the one with the focus, which gets the keys.
    public var pane: Pane = .templates {
        didSet { if pane != .console { listPane = pane } }
    }
    /// The list pane shown above the console in the split layout: the current or last list pane.
    public private(set) var listPane: Pane = .templates
    /// The pool's name.
    public var poolName = ""
    /// The user logged in.
    public var user: String
    /// Where the pool is: its URL, or the demo simulator's address.
    public var origin: String
    /// The event connection.
    public var connection: ConnectionState = .connecting
    /// Host names by reference.
    public var hosts: [Ref<HostRecord>: String] = [:]
    /// Every VM record (templates, VMs, snapshots, control domains) by reference.
    public var vms: [Ref<VMRecord>: VMRecord] = [:]
    /// The templates among `vms` (snapshots excluded), kept at each pool change for the drift check.
    public var templateRecords: [Ref<VMRecord>: VMRecord] = [:]
    /// Storage repositories by reference (the SR choice of a new install).
    public var storageRepositories: [Ref<SRRecord>: SRRecord] = [:]
    /// Networks by reference (the network choice of a new install).
    public var networks: [Ref<NetworkRecord>: NetworkRecord] = [:]
    /// vt100 console records by reference.
    public var consoles: [Ref<ConsoleRecord>: ConsoleRecord] = [:]
    /// The templates pane.
    public var templates = ListState()
    /// The VMs pane.
    public var vmList = ListState()
    /// The console pane.
    public var console = ConsoleState()
    /// Background console captures of the VMs in install attempts.
    public var captures = BackgroundCaptures()
    /// The fleet pane: every install attempt, from consoles and the FAI monitor.
    public var fleet = FleetState()
    /// Install phases read from consoles, by VM, each with the domain it was read from.
    public var phases: [Ref<VMRecord>: AttemptPhase] = [:]
    /// Failures read from consoles, by VM: kept when the console moves to another VM (their line
    /// numbers point into that VM's capture, so only the open console's can be jumped to).
    public var failures: [Ref<VMRecord>: FailureReport] = [:]
    /// The overlay in front of the panes.
    public var overlay: Overlay? {
        didSet {
            if oldValue?.identity != overlay?.identity {
                overlayScroll = 0
                overlayPick = 0
            }
        }
    }
    /// Rows the overlay's body is scrolled by.
    public var overlayScroll = 0
    /// The item picked in the overlay: the message log's entry (0 = newest), the details' error line.
    public var overlayPick = 0
    /// The status bar message; every one is also kept in ``messages``.
    public var status: StatusMessage? {
        didSet {
            guard let status, status != oldValue else { return }
            messages.append(status)
            if messages.count > Self.messageLimit { messages.removeFirst(messages.count - Self.messageLimit) }
        }
    }
    /// Every status message, error and xe command of this session, oldest first (the log shows newest first).
    public private(set) var messages: [StatusMessage] = []
    /// Messages kept in the log.
    public static let messageLimit = 1000
    /// False once the program should end.
    public var isRunning = true
    /// Whether the journal was reconciled since the pool connection came up.
    public var hasReconciledJournal = false

    /// A state before the pool is loaded.
    public init(size: Size, user: String, origin: String) {
        self.size = size
        self.user = user
        self.origin = origin
    }

    /// The layout of the current size.
    public var layout: Layout { Layout(size: size) }

    /// The list state of a list pane.
    public func list(_ pane: Pane) -> ListState {
        pane == .templates ? templates : vmList
    }

    /// The record selected in the front list pane (or the console's VM on the console pane).
    public var selectedRecord: (Ref<VMRecord>, VMRecord)? {
        let ref: Ref<VMRecord>? = switch pane {
        case .templates: templates.selected
        case .vms: vmList.selected
        case .console: console.vm
        case .fleet: fleet.selected?.vm
        }
        guard let ref, let record = vms[ref] else { return nil }
        return (ref, record)
    }

    /// The vt100 console of `vm`, if it has one now.
    public func textConsole(of vm: Ref<VMRecord>) -> (Ref<ConsoleRecord>, ConsoleRecord)? {
        guard let record = vms[vm] else { return nil }
        for ref in record.consoles {
            if let console = consoles[ref], console.protocol == .vt100 { return (ref, console) }
        }
        return nil
    }
}
