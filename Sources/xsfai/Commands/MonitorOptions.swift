import ArgumentParser
import FAIControl
import FAIMonitor
import FAIMonitorServer
import Foundation

/// Where xsfai hears FAI's monitor messages: its own port (`--fai-monitor`), or the log of a
/// `fai-monitor` running elsewhere (`--fai-monitor-log-follow`). Without either nothing listens.
struct MonitorOptions: ParsableArguments {
    @Option(name: .customLong("fai-monitor"), help: ArgumentHelp(
        "Listen for FAI monitor messages as fai-monitor does, on [ADDR:]PORT (default address 0.0.0.0; FAI uses 4711).",
        valueName: "[ADDR:]PORT"))
    var listen: String?

    @Option(name: .customLong("fai-monitor-log"), help: ArgumentHelp(
        "Append what the monitor port receives to FILE in fai-monitor's log format (-T timestamps).", valueName: "FILE"))
    var log: String?

    @Flag(name: .customLong("fai-monitor-log-utc"), help: "Log timestamps in UTC (fai-monitor -Z).")
    var utc = false

    @Flag(name: .customLong("fai-monitor-log-plain"), help: "Log without timestamps (fai-monitor without -T).")
    var plain = false

    @Option(name: .customLong("fai-monitor-variables"), help: ArgumentHelp(
        "Answer VARIABLE queries from FILE (NAME=value lines, as fai-monitor's /var/log/fai/variables); else UNKNOWN.",
        valueName: "FILE"))
    var variables: String?

    @Option(name: .customLong("fai-monitor-log-follow"), help: ArgumentHelp(
        "Follow the log of a fai-monitor running elsewhere: a file or a FIFO (e.g. fed by ssh faiserver tail -F …).",
        valueName: "PATH"))
    var follow: String?

    /// Whether a source was asked for.
    var isEnabled: Bool { listen != nil || follow != nil }

    /// These options with the `--pool` profile's `fai_monitor`, `fai_monitor_log` and
    /// `fai_monitor_log_follow` filling what the command line left out.
    func applying(_ profile: PoolProfile?) -> MonitorOptions {
        guard let profile else { return self }
        var options = self
        if options.listen == nil && options.follow == nil {
            options.listen = profile.faiMonitor
            options.follow = profile.faiMonitorLogFollow
        }
        if options.log == nil { options.log = profile.faiMonitorLog }
        return options
    }

    /// Starts the sources asked for, all feeding one service; `nil` when none was asked for.
    func start() throws -> MonitorSources? {
        guard isEnabled else { return nil }
        let format = MonitorLogFormat(timestamps: !plain, utc: utc)
        let writer: MonitorLogWriter?
        do {
            writer = try log.map { try MonitorLogWriter(path: $0, format: format) }
        } catch {
            throw CommandFailure.usage("\(error)")
        }
        let service = FAIMonitorService(log: writer)
        var sources = MonitorSources(service: service)
        if let listen {
            guard let address = MonitorAddress(listen) else {
                throw CommandFailure.usage(MonitorSourceError.badAddress(listen).description)
            }
            let listener = FAIMonitorListener(
                host: address.host, port: address.port, variables: try readVariables()
            ) { service.receive($0) }
            do {
                sources.port = try listener.start()
            } catch {
                throw CommandFailure.usage("cannot listen for FAI monitor messages on \(address): \(error)")
            }
            sources.listener = listener
            service.logStarted(port: sources.port ?? address.port)
        }
        if let follow {
            let follower = MonitorLogFollower(path: follow) { service.receive($0) }
            do {
                try follower.start()
            } catch {
                throw CommandFailure.usage("\(error)")
            }
            sources.follower = follower
        }
        return sources
    }

    private func readVariables() throws -> MonitorVariables {
        guard let variables else { return MonitorVariables() }
        guard let text = try? String(contentsOfFile: variables, encoding: .utf8) else {
            throw CommandFailure.usage("cannot read the monitor variables file \(variables)")
        }
        return MonitorVariables(fileText: text)
    }
}

/// The running monitor sources of one xsfai process.
struct MonitorSources {
    /// The service every source feeds.
    let service: FAIMonitorService
    /// The listening port, when listening.
    var listener: FAIMonitorListener?
    /// The bound port (a free one when 0 was asked for).
    var port: Int?
    /// The followed log, when following.
    var follower: MonitorLogFollower?

    /// Stops every source.
    func stop() {
        listener?.stop()
        follower?.stop()
    }
}
