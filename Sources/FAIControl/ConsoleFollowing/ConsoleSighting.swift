public import XenAPI

/// What a console follower needs to know about its VM at one moment: whether it runs, in which
/// domain, and with which vt100 console.
public struct ConsoleSighting: Sendable, Hashable {
    /// The VM's power state; nil when the pool does not (or not yet) know the VM.
    public var powerState: VMPowerState?
    /// The running domain's id (a reboot makes a new domain); -1 when not running.
    public var domain: Int64
    /// The VM's vt100 console and its `location`, when it has one.
    public var console: Ref<ConsoleRecord>?
    /// The console's `location` (the CONNECT target), with ``console``.
    public var location: String?
    /// Why this view may be out of date (the pool's event stream is reconnecting), else nil.
    public var staleReason: String?
    /// Whether the pool's view was loaded at all (false before the first snapshot arrived).
    public var isLoaded: Bool

    /// Creates a sighting.
    public init(
        powerState: VMPowerState?, domain: Int64 = -1, console: Ref<ConsoleRecord>? = nil, location: String? = nil,
        staleReason: String? = nil, isLoaded: Bool = true
    ) {
        self.powerState = powerState
        self.domain = domain
        self.console = console
        self.location = location
        self.staleReason = staleReason
        self.isLoaded = isLoaded
    }

    /// Whether the VM runs with a console that can be attached.
    public var hasRunningConsole: Bool { powerState == .running && console != nil && location != nil }

    /// Whether the pool's view says the VM is gone (loaded, current, and without the VM).
    public var vmIsGone: Bool { isLoaded && staleReason == nil && powerState == nil }
}
