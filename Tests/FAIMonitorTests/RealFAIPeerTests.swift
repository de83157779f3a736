import FAIMonitor
import FAIMonitorServer
import Foundation
import Testing

/// Debian's fai-client `sendmon` drives xsfai's monitor port; the same lines go to fai-server's
/// `fai-monitor`, and both logs must hold the same lines.
@Suite(.serialized) struct RealFAIPeerTests {
    /// A failing install as FAI 6.0.3 reports it (fai-monitor.md): a missing package (472) and a
    /// failing script (420), FAI going on to the end.
    static let failingRun: [String] = {
        var messages = ["check", "TASKBEGIN confdir", "TASKEND confdir 0"]
        for task in ["setup", "defclass", "defvar"] { messages += ["TASKBEGIN \(task)", "TASKEND \(task) 0"] }
        messages += ["TASKBEGIN action", "TASKBEGIN install"]
        let codes = ["instsoft": 472, "configure": 420]
        for task in ["partition", "mountdisks", "extrbase", "debconf", "repository", "updatebase", "instsoft",
                     "configure", "tests", "finish", "chboot", "savelog"] {
            if task == "configure" { messages.append("HOOK configure.DEFAULT.sh") }
            messages += ["TASKBEGIN \(task)", "TASKEND \(task) \(codes[task] ?? 0)"]
        }
        messages += ["TASKEND install 0", "TASKBEGIN faiend", "TASKEND faiend 0", "TASKEND faiend 0", "TASKEND action 0"]
        return messages
    }()

    @Test func sendmonDrivesXsfaiThroughAFailingInstall() throws {
        try #require(FAIClientPeer.isInstalled, "fai-client and fai-server are installed by scripts/setup")
        let harness = try MonitorHarness()
        let mac = "aa:bb:cc:00:11:22"
        // Part of the run first: xsfai sees it running, in instsoft.
        let cut = Self.failingRun.firstIndex(of: "TASKEND instsoft 472")!
        #expect(try FAIClientPeer.sendmon(Array(Self.failingRun[..<cut]), sendid: mac, port: harness.port,
                                          logDirectory: harness.directory) == 0)
        #expect(harness.wait { harness.service.fleet[mac]?.currentTask == "instsoft" })
        let running = try #require(harness.service.fleet[mac])
        #expect(harness.service.fleet.verdict(of: mac) == .running)
        #expect(running.openTasks == ["action", "install", "instsoft"])
        #expect(running.phaseIndex == 14)

        try FAIClientPeer.sendmon(Array(Self.failingRun[cut...]), sendid: mac, port: harness.port, logDirectory: harness.directory)
        #expect(harness.wait { harness.service.fleet[mac]?.isFinished == true })
        let done = try #require(harness.service.fleet[mac])
        #expect(harness.service.fleet.verdict(of: mac) == .failed(task: "instsoft", code: 472, stopped: false))
        #expect(done.tasks.first { $0.name == "configure" }?.code == 420)
        #expect(done.lastHook == "configure.DEFAULT.sh")
        #expect(done.phaseIndex == 18)
        #expect(harness.service.counters.lines == Self.failingRun.count)

        // A second attempt after a rearm: `check` starts it over, and it succeeds.
        let clean = Self.failingRun.map { $0 == "TASKEND instsoft 472" ? "TASKEND instsoft 0" : $0 }
            .map { $0 == "TASKEND configure 420" ? "TASKEND configure 0" : $0 }
        try FAIClientPeer.sendmon(clean, sendid: mac, port: harness.port, logDirectory: harness.directory)
        #expect(harness.wait { harness.service.fleet[mac]?.attempt == 2 && harness.service.fleet[mac]?.isFinished == true })
        #expect(harness.service.fleet.verdict(of: mac) == .succeeded)
    }

    @Test func sendmonCheckFailsWhenNothingListens() throws {
        try #require(FAIClientPeer.isInstalled)
        let directory = try MonitorHarness.temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(try FAIClientPeer.sendmon(["check"], sendid: "h", port: FAIClientPeer.freePort(), logDirectory: directory) == 9)
    }

    @Test func variableQueriesAreAnsweredLikeFaiMonitor() throws {
        let harness = try MonitorHarness(variables: MonitorVariables(["FAI_VERSION": "6.0.3"]))
        #expect(RawClient.send(Array("VARIABLE FAI_VERSION\n".utf8), port: harness.port, read: 100)
            == Array("OK 6.0.3\n".utf8))
        #expect(RawClient.send(Array("VARIABLE SERVER\n".utf8), port: harness.port, read: 100)
            == Array("UNKNOWN SERVER\n".utf8))
        #expect(RawClient.send(Array("web01 check\n".utf8), port: harness.port, read: 100) == [])
    }

    @Test func theRealFaiMonitorAndXsfaiLogTheSameLines() throws {
        try #require(FAIClientPeer.isInstalled)
        let harness = try MonitorHarness()
        let faiLog = harness.directory + "/daemon.log"
        let faiPort = FAIClientPeer.freePort()
        let daemon = try FAIClientPeer.startFAIMonitor(port: faiPort, log: faiLog)
        defer { FAIClientPeer.stop(daemon) }
        #expect(harness.wait { ((try? String(contentsOfFile: faiLog, encoding: .utf8)) ?? "").contains("started on port") })

        let messages = Self.failingRun + ["TASKEND reboot 0"]
        for port in [harness.port, faiPort] {
            try FAIClientPeer.sendmon(messages, sendid: "web01", port: port, logDirectory: harness.directory)
            #expect(RawClient.send(Array("VARIABLE FAI_VERSION\n".utf8), port: port, read: 100) == Array("UNKNOWN FAI_VERSION\n".utf8))
            RawClient.send([], port: port)  // connects and closes without a line: "No data or timeout."
        }
        let expectedCount = messages.count + 1 + 1 + 2
        #expect(harness.wait { harness.logLines.count >= expectedCount })
        #expect(harness.wait {
            ((try? String(contentsOfFile: faiLog, encoding: .utf8)) ?? "").split(separator: "\n").count >= expectedCount
        })
        let faiLines = try String(contentsOfFile: faiLog, encoding: .utf8).split(separator: "\n").map(String.init)
        let format = MonitorLogFormat(timestamps: true, utc: true)
        let ours = harness.logLines
        #expect(ours.count == faiLines.count)
        for (mine, theirs) in zip(ours, faiLines) {
            #expect(Self.normalized(mine) == Self.normalized(theirs))
            let (a, b) = (format.timestamp(inLogLine: mine), format.timestamp(inLogLine: theirs))
            #expect(a != nil && b != nil && abs(a! - b!) <= 5, "\(mine) / \(theirs)")
        }
    }

    /// A log line without its timestamp, with ports and pids (which differ between the two daemons) as `N`.
    static func normalized(_ line: String) -> String {
        var text = String(line.dropFirst(27))
        text = text.replacingOccurrences(of: #"port \d+ with pid \d+"#, with: "port N with pid N", options: .regularExpression)
        return text.replacingOccurrences(of: #"127\.0\.0\.1:\d+:"#, with: "127.0.0.1:N:", options: .regularExpression)
    }
}
