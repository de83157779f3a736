import FAIMonitor
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Follows the log of a `fai-monitor` running elsewhere (`--fai-monitor-log-follow PATH`): a regular
/// file (read from its last ``historyBytes``, then followed as `tail -F` does, across truncation and
/// replacement) or a FIFO (e.g. fed by `ssh faiserver tail -F /var/log/fai-monitor.log`). Each line is
/// stripped of its `-T` timestamp and handed to the sink as a reception from `log`.
public final class MonitorLogFollower: Sendable {
    /// How much of an existing file is read at start.
    public static let historyBytes: off_t = 4 << 20

    private let path: String
    private let maximumLineLength: Int
    private let sink: @Sendable (MonitorReception) -> Void
    private let stopped = Atomic<Bool>(false)
    private let finished = Mutex<Bool>(false)

    /// Creates a stopped follower.
    public init(path: String, maximumLineLength: Int = MonitorLine.defaultMaximumLength,
                sink: @escaping @Sendable (MonitorReception) -> Void) {
        self.path = path
        self.maximumLineLength = maximumLineLength
        self.sink = sink
    }

    /// Checks that the path can be opened, then follows it on a thread of its own.
    public func start() throws {
        let probe = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard probe >= 0 else { throw MonitorSourceError.cannotOpen(path: path, reason: String(cString: strerror(errno))) }
        close(probe)
        let thread = Thread { [self] in run() }
        thread.name = "fai-monitor-log"
        thread.start()
    }

    /// Stops following (within a quarter second).
    public func stop() { stopped.store(true, ordering: .relaxed) }

    private var isStopped: Bool { stopped.load(ordering: .relaxed) }

    private func run() {
        var splitter = LineSplitter(maximumLength: maximumLineLength)
        var descriptor: Int32 = -1
        var identity: (dev_t, ino_t)?
        var offset: off_t = 0
        var isFirstOpen = true
        var buffer = [UInt8](repeating: 0, count: 65536)
        defer { if descriptor >= 0 { close(descriptor) } }
        while !isStopped {
            var info = stat()
            if descriptor < 0 {
                guard stat(path, &info) == 0 else { pause(); continue }
                let isFIFO = info.st_mode & S_IFMT == S_IFIFO
                // A FIFO opened read-write never reports end of file when its writer goes away (Linux).
                descriptor = open(path, (isFIFO ? O_RDWR : O_RDONLY) | O_NONBLOCK | O_CLOEXEC)
                guard descriptor >= 0 else { pause(); continue }
                identity = (info.st_dev, info.st_ino)
                offset = isFIFO || !isFirstOpen ? 0 : max(0, info.st_size - Self.historyBytes)
                isFirstOpen = false
                if offset > 0 {
                    lseek(descriptor, offset, SEEK_SET)
                    splitter.skipToNextLine()
                }
            }
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                offset += off_t(count)
                for line in splitter.feed(buffer[0..<count]) { deliver(line) }
                continue
            }
            if count < 0 && errno != EAGAIN && errno != EINTR {
                close(descriptor)
                descriptor = -1
                continue
            }
            // Nothing to read: wait, then check for a truncated or replaced file.
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&poller, 1, 250)
            if poller.revents & Int16(POLLIN) != 0 { continue }
            if stat(path, &info) != 0 || identity.map({ $0 != (info.st_dev, info.st_ino) }) == true
                || (info.st_mode & S_IFMT == S_IFREG && info.st_size < offset)
            {
                close(descriptor)
                descriptor = -1
                splitter = LineSplitter(maximumLength: maximumLineLength)
            }
        }
    }

    private func pause() { usleep(250_000) }

    private func deliver(_ line: Result<[UInt8], MonitorLineError>) {
        switch line {
        case .failure(let error):
            sink(.dropped(peer: "log", error))
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else {
                sink(.dropped(peer: "log", .invalidUTF8))
                return
            }
            guard let received = MonitorLogFormat.receivedLine(inLogLine: text) else { return }
            switch MonitorLine.parse(Array(received.utf8), maximumLength: maximumLineLength) {
            case .success(let parsed): sink(.line(peer: "log", text: received, parsed))
            case .failure(let error): sink(.dropped(peer: "log", error))
            }
        }
    }
}
