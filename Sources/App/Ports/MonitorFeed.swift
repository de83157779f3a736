public import FAIMonitor

/// Where the TUI hears the FAI monitor: the xsfai command adapts its monitor service (a listening
/// port or a followed `fai-monitor` log) to this; tests post fleets directly.
public protocol MonitorFeed: Sendable {
    /// Starts calling `changed` (on any thread) with the whole fleet after it changed; calls may be
    /// coalesced, the last one always carries the newest fleet.
    func start(_ changed: @escaping @Sendable (MonitorFleet) -> Void)
    /// Stops calling.
    func stop()
}
