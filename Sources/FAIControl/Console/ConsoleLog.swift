import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A console capture file (`--log`): private (mode 0600 from creation, see ``PrivateFile``), appended to.
///
/// By default it holds plain text: escape sequences, colours, carriage returns and C1 controls
/// stripped (``ConsoleOutputFilter/Mode/plainText``), each line stamped with the UTC time it arrived,
/// and attach/close markers. ``Format/raw`` keeps the bytes exactly as received, with no stamps or
/// markers, so the file replays the session (`cat` it on a terminal you trust).
public final class ConsoleLog {
    /// What the file holds.
    public enum Format: Sendable {
        /// Timestamped lines of plain text, with markers.
        case plainText
        /// The guest's bytes as received.
        case raw
    }

    /// The file's path.
    public let path: String
    /// What the file holds.
    public let format: Format
    private let descriptor: Int32
    private var filter = ConsoleOutputFilter(mode: .plainText)
    private var stamps = TimestampedCapture()

    /// Opens `path` for appending (created 0600; an existing file others may read is refused).
    public init(path: String, format: Format = .plainText) throws {
        self.path = path
        self.format = format
        descriptor = try PrivateFile.openForAppending(path)
    }

    deinit { close(descriptor) }

    /// Records bytes from the guest received at `time`.
    public func record(_ bytes: [UInt8], at time: Date = Date()) {
        switch format {
        case .raw: write(bytes)
        case .plainText: write(stamps.append(filter.filter(bytes), at: time))
        }
    }

    /// Records a marker line such as `--- console 2 attached ---` (plain text only).
    public func mark(_ text: String, at time: Date = Date()) {
        guard format == .plainText else { return }
        write(stamps.marker(text, at: time))
    }

    private func write(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        try? PrivateFile.writeAll(bytes, to: descriptor, path: path)
    }
}
