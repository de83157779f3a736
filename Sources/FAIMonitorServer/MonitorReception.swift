import FAIMonitor

/// What the monitor port (or a followed log) received: one per connection or log line.
public enum MonitorReception: Sendable, Equatable {
    /// A line that parsed; `text` is the line as received (without its newline), logged verbatim.
    case line(peer: String, text: String, MonitorLine)
    /// A line that did not parse, dropped.
    case dropped(peer: String, MonitorLineError)
    /// A connection that sent no line before the timeout or its end (`fai-monitor`'s "No data or timeout.").
    case noData(peer: String)
    /// A connection closed unread by the admission limits.
    case refused(peer: String, MonitorAdmission.Refusal)
}
