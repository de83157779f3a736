import FAIMonitor
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Appends to a log in `fai-monitor`'s format (created mode 0600, opened for appending).
public final class MonitorLogWriter: Sendable {
    private let descriptor: Int32
    /// The format written.
    public let format: MonitorLogFormat

    /// Opens `path` for appending.
    public init(path: String, format: MonitorLogFormat) throws {
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw MonitorSourceError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        self.format = format
    }

    deinit { close(descriptor) }

    /// Writes one or more whole log lines in one `write` (appends from several threads stay whole).
    public func write(_ text: String) {
        var bytes = Array(text.utf8)
        _ = bytes.withUnsafeMutableBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
    }
}
