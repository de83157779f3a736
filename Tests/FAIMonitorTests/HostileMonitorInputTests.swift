import FAIMonitor
import FAIMonitorServer
import Foundation
import Synchronization
import Testing

/// The monitor port is open to the install network: bursts, huge lines, binary garbage and silent
/// connections must leave it answering and bounded.
@Suite(.serialized) struct HostileMonitorInputTests {
    /// Whether a VARIABLE query is answered within `seconds`.
    static func answers(_ harness: MonitorHarness, within seconds: Double = 1) -> Bool {
        let start = Date()
        let reply = RawClient.send(Array("VARIABLE X\n".utf8), port: harness.port, read: 64, timeout: seconds)
        return reply == Array("UNKNOWN X\n".utf8) && Date().timeIntervalSince(start) < seconds
    }

    @Test func aBurstOfTenThousandConnectionsIsBoundedAndTheMonitorStillAnswers() async throws {
        let harness = try MonitorHarness(maximumSenders: 512)
        let total = 10_000
        // The highest number of connections xsfai held open at once, sampled while the burst runs.
        let peak = Mutex(0)
        let sampling = Atomic<Bool>(true)
        let listener = harness.listener
        let sampler = Thread {
            while sampling.load(ordering: .relaxed) {
                let open = listener.openConnections
                peak.withLock { $0 = max($0, open) }
                usleep(500)
            }
        }
        sampler.start()
        let port = harness.port
        // Connections the clients made (under load a few connects may time out in the kernel's queue).
        let connected = await withTaskGroup(of: Int.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    var made = 0
                    for index in stride(from: worker, to: total, by: 4)
                    where RawClient.send(Array("burst\(index) check\n".utf8), port: port, timeout: 2) != nil {
                        made += 1
                    }
                    return made
                }
            }
            return await group.reduce(0, +)
        }
        sampling.store(false, ordering: .relaxed)
        #expect(peak.withLock { $0 } <= MonitorListenerLimits().maximumConnections)
        // Every connection is accounted for exactly once: taken, or refused by the limits.
        #expect(harness.wait(15) {
            let counters = harness.service.counters
            return counters.lines + counters.refused + counters.noData + counters.dropped >= connected
        })
        let counters = harness.service.counters
        #expect(connected >= total * 9 / 10)
        #expect(counters.lines + counters.refused + counters.noData + counters.dropped == connected)
        #expect(counters.lines >= 1000)  // the burst allowance at least
        #expect(harness.service.fleet.installs.count <= 512)
        #expect(harness.wait { harness.listener.openConnections == 0 })
        // Notes about refused connections are throttled: the log is the lines taken plus a few notes a second.
        #expect(harness.logLines.count < counters.lines + 2 + 20 * 30)
        #expect(harness.wait(3) { Self.answers(harness) })
    }

    @Test func aOneMegabyteLineIsDroppedAndTheConnectionClosed() throws {
        let harness = try MonitorHarness()
        var line = Array("web01 TASKBEGIN ".utf8) + [UInt8](repeating: UInt8(ascii: "x"), count: 1 << 20)
        line.append(UInt8(ascii: "\n"))
        let start = Date()
        _ = RawClient.send(line, port: harness.port, read: 1, timeout: 5)
        #expect(Date().timeIntervalSince(start) < 4)  // closed by xsfai, not by the client's timeout
        #expect(harness.wait { harness.service.counters.dropped == 1 })
        #expect(harness.service.fleet.installs.isEmpty)
        #expect(harness.logLines.contains { $0.contains(": dropped: line too long") })
        #expect(harness.logLines.allSatisfy { $0.utf8.count < 200 })
        #expect(Self.answers(harness))
    }

    @Test func binaryGarbageIsDroppedAndNeverReachesTheLogOrTheFleet() throws {
        let harness = try MonitorHarness()
        RawClient.send([0x77, 0x65, 0x62, 0x20, 0xC3, 0x28, 0x0A], port: harness.port)
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<50 {
            var bytes = (0..<200).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes[3] = 0x1B
            bytes.append(UInt8(ascii: "\n"))
            RawClient.send(bytes, port: harness.port)
        }
        RawClient.send(Array("web01 \u{1B}]52;c;ZXZpbA==\u{07}\n".utf8), port: harness.port)
        #expect(harness.wait { harness.service.counters.dropped + harness.service.counters.noData == 52 })
        #expect(harness.service.fleet.installs.isEmpty)
        let log = try String(contentsOfFile: harness.logPath, encoding: .utf8)
        #expect(!log.utf8.contains(0x1B) && !log.utf8.contains(0x07))
        #expect(harness.logLines.contains { $0.contains(": dropped: not UTF-8") })
        #expect(Self.answers(harness))
    }

    @Test func aSilentConnectionTimesOutWithFaiMonitorsNoteAndBlocksNoOne() throws {
        var limits = MonitorListenerLimits()
        limits.readTimeout = 0.5
        let harness = try MonitorHarness(limits: limits)
        let silent = RawClient.openSilent(port: harness.port)
        defer { close(silent) }
        #expect(Self.answers(harness))  // served while the silent one waits
        RawClient.send(Array("web01 check\n".utf8), port: harness.port)
        #expect(harness.wait { harness.service.counters.noData == 1 })
        #expect(harness.logLines.contains { $0.hasSuffix(": No data or timeout.") && $0.contains(" - 127.0.0.1:") })
        #expect(harness.service.fleet["web01"] != nil)
        // xsfai closed it: the client reads end of file.
        var byte: UInt8 = 0
        #expect(recv(silent, &byte, 1, 0) == 0)
    }
}
