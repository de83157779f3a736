import Foundation

/// Debian's real FAI pieces: `sendmon` from fai-client's `/usr/lib/fai/subroutines` (run in bash,
/// sending with netcat-traditional's `nc`) and fai-server's `/usr/sbin/fai-monitor`.
enum FAIClientPeer {
    static let subroutines = "/usr/lib/fai/subroutines"
    static let faiMonitor = "/usr/sbin/fai-monitor"

    /// Whether the Debian packages are installed (scripts/setup installs them).
    static var isInstalled: Bool {
        FileManager.default.isReadableFile(atPath: subroutines) && FileManager.default.isExecutableFile(atPath: faiMonitor)
    }

    /// Sends each message with `sendmon`, as an install client does, `sendid` first; returns bash's
    /// exit status (sendmon's for the last message; 9 when `sendmon check` failed).
    @discardableResult
    static func sendmon(_ messages: [String], sendid: String, port: Int, logDirectory: String) throws -> Int32 {
        let script = """
            faimond=1 monserver=127.0.0.1 FAI_MONITOR_PORT=\(port) sendid="$1" LOGDIR="$2"
            . \(subroutines)
            shift 2
            for message in "$@"; do
                sendmon "$message" || exit 9
            done
            """
        // sendmon appends every message to $LOGDIR/fai-monitor.log: a directory of its own.
        let logDirectory = logDirectory + "/client-\(sendid)"
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", script, "sendmon", sendid, logDirectory] + messages
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Starts the real `fai-monitor -T -Z -p PORT -l LOG`; the caller terminates it.
    static func startFAIMonitor(port: Int, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/perl")
        process.arguments = [faiMonitor, "-T", "-Z", "-t", "2", "-p", "\(port)", "-l", log]
        try process.run()
        return process
    }

    /// Kills the daemon (SIGKILL: the test runner's threads block SIGTERM, and a spawned child
    /// inherits that mask) and reaps it.
    static func stop(_ daemon: Process) {
        kill(daemon.processIdentifier, SIGKILL)
        daemon.waitUntilExit()
    }

    /// A TCP port nobody listens on now (bound to 0 and released).
    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(socket, $0, &length) }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
