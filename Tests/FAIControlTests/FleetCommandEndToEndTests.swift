import Foundation
import Simulator
import Testing
import XenAPI

/// `xsfai fleet --fai-monitor … --watch --until-done` listening while simulated installs report to
/// it: each sender mapped to its VM by MAC, every verdict right, the worst as the exit code.
@Suite struct FleetCommandEndToEndTests {
    @Test func fleetWatchMapsSendersAndExitsWithTheWorstVerdict() async throws {
        let port = Self.freePort()
        // Four installs at boot: success, success, fail-instsoft, success (the simulator's order); their
        // first console line comes after 4 s, by when the fleet command listens.
        let pool = try await LoopbackPool.start(SimulatorConfiguration(
            linesPerSecond: 3000, bootDelay: 4, installing: 4,
            installingMonitor: "monserver=127.0.0.1 FAI_MONITOR_PORT=\(port) FAI_SENDID=mac"))
        defer { Task { await pool.stop() } }
        let process = Process()
        process.executableURL = CLIRunEndToEndTests.binary
        process.arguments = ["fleet", "--fai-monitor", "127.0.0.1:\(port)", "--watch", "--until-done", "--wait", "60"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["XSFAI_URL"] = pool.server.masterURL
        environment["XSFAI_PASSWORD"] = pool.configuration.password
        process.environment = environment
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 3, "\(text)")
        let finalLines = Dictionary(
            text.split(separator: "\n").map { line in (String(line.split(separator: " ")[1]), String(line)) },
            uniquingKeysWith: { $1 })
        #expect(finalLines.count == 4)
        #expect(finalLines.values.filter { $0.contains("  ok  ok  ") }.count == 3, "\(text)")
        #expect(finalLines.values.filter { $0.contains("failed (instsoft 472)") }.count == 1, "\(text)")
        #expect(finalLines.keys.allSatisfy { $0.split(separator: ":").count == 6 })  // FAI_SENDID=mac
        // Mapped to their VMs through the VIF MACs.
        #expect(Set(finalLines.values.map { String($0.split(separator: " ")[0]) }) == ["install-01", "install-02", "install-03", "install-04"])
        #expect(finalLines.values.contains { $0.hasPrefix("install-03 ") && $0.contains("failed (instsoft 472)") })
    }

    static func freePort() -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 ? getsockname(socket, $0, &length) : -1 }
        }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}
