import FAIControl
import FAIMonitor

/// The FAI monitor as the TUI uses it: the running sources, what the fleet pane says of them, and
/// the arguments `n` and `r` offer to add to PV-args.
struct TUIMonitor {
    /// The running sources (`nil`: nothing listens or follows).
    var sources: MonitorSources?
    /// For the fleet pane's title: `listening on 0.0.0.0:4711`, `following /var/log/fai/monitor.log`.
    var description: String?
    /// What installs are told to report to.
    var target: MonitorKernelArguments?

    /// No monitor.
    init() {}

    /// Starts the sources `options` ask for. Installs report to `target` (`--monitor` or the
    /// profile's `monitor`), else to the listener's own address when it names one (a wildcard
    /// address does not say which one the install network reaches).
    init(options: MonitorOptions, target: MonitorKernelArguments?) throws {
        sources = try options.start()
        self.target = target
        var facts: [String] = []
        if let listen = options.listen, let address = MonitorAddress(listen) {
            let bound = MonitorAddress(host: address.host, port: sources?.port ?? address.port)
            facts.append("listening on \(bound)")
            if self.target == nil, !["0.0.0.0", "::", "*"].contains(bound.host) {
                self.target = MonitorKernelArguments(server: bound.host, port: bound.port)
            }
        }
        if let follow = options.follow { facts.append("following \(follow)") }
        description = facts.isEmpty ? nil : facts.joined(separator: ", ")
    }
}
