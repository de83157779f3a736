import FAIMonitor
import Testing

@Suite struct MonitorLogFormatTests {
    @Test func timestampsAreFaiMonitorsT() {
        let format = MonitorLogFormat(timestamps: true, utc: true)
        // 2026-12-02 16:49:22 UTC, a Wednesday; %e pads the day with a space.
        #expect(format.received("web01 check", at: 1_796_230_162) == "Wed Dec  2 16:49:22 2026 - web01 check\n")
        #expect(MonitorLogFormat(timestamps: false).received("x TASKBEGIN confdir", at: 0) == "x TASKBEGIN confdir\n")
        #expect(format.noData(peer: "10.0.0.5:40000", at: 1_796_230_162)
            == "Wed Dec  2 16:49:22 2026 - 10.0.0.5:40000: No data or timeout.\n")
    }

    @Test func followedLogLinesLoseTheirTimestampAndDaemonNotes() {
        #expect(MonitorLogFormat.receivedLine(inLogLine: "Wed Dec  2 16:49:22 2026 - web01 TASKEND instsoft 472\n")
            == "web01 TASKEND instsoft 472")
        #expect(MonitorLogFormat.receivedLine(inLogLine: "web01 check") == "web01 check")
        #expect(MonitorLogFormat.receivedLine(inLogLine: "Wed Dec  2 16:49:22 2026 - FAI monitoring daemon starting..") == nil)
        #expect(MonitorLogFormat.receivedLine(inLogLine: "10.0.0.5:40000: No data or timeout.") == nil)
        #expect(MonitorLogFormat.receivedLine(inLogLine: "Thu Dec 10 01:02:03 2026 - 10.0.0.5:1: dropped: not UTF-8") == nil)
    }

    @Test func timestampsParseBack() {
        let format = MonitorLogFormat(timestamps: true, utc: true)
        #expect(format.timestamp(inLogLine: "Wed Dec  2 16:49:22 2026 - web01 check") == 1_796_230_162)
        #expect(format.timestamp(inLogLine: "web01 check") == nil)
    }
}
