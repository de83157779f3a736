import FAIMonitor
import Testing

@Suite struct MonitorLineTests {
    @Test func parsesEveryMessageKind() {
        #expect(MonitorLine.parse(Array("web01 check".utf8)) == .success(.report(sender: "web01", message: .check)))
        #expect(MonitorLine.parse(Array("aa:bb:cc:dd:ee:ff TASKEND instsoft 472\r".utf8))
            == .success(.report(sender: "aa:bb:cc:dd:ee:ff", message: .taskEnd(task: "instsoft", code: 472))))
        #expect(MonitorLine.parse(Array("01-aa-bb TASKERROR partition 21".utf8))
            == .success(.report(sender: "01-aa-bb", message: .taskError(task: "partition", code: 21))))
        #expect(MonitorLine.parse(Array("h HOOK savelog.LAST.sh".utf8))
            == .success(.report(sender: "h", message: .hook(name: "savelog.LAST.sh"))))
        #expect(MonitorLine.parse(Array("h TASKSKIP mirror".utf8)) == .success(.report(sender: "h", message: .taskSkip(task: "mirror"))))
        #expect(MonitorLine.parse(Array("VARIABLE FAI_VERSION".utf8)) == .success(.variableQuery(name: "FAI_VERSION")))
        #expect(MonitorLine.parse(Array("h TASKEND x notanumber".utf8))
            == .success(.report(sender: "h", message: .other("TASKEND x notanumber"))))
    }

    @Test func refusesBadInput() {
        #expect(MonitorLine.parse([0x68, 0x20, 0x1B, 0x5B]) == .failure(.controlCharacter(0x1B)))
        #expect(MonitorLine.parse([0x68, 0x20, 0xFF, 0xFE]) == .failure(.invalidUTF8))
        #expect(MonitorLine.parse(Array("   ".utf8)) == .failure(.empty))
        #expect(MonitorLine.parse(Array("lonely".utf8)) == .failure(.noMessage))
        #expect(MonitorLine.parse([UInt8](repeating: 0x61, count: 5000)) == .failure(.tooLong(length: 5000)))
    }

    @Test func splitterBoundsLongLinesAndSkipsToTheNextOne() {
        var splitter = LineSplitter(maximumLength: 8)
        let results = splitter.feed(Array("short\n0123456789abcdef".utf8)) + splitter.feed(Array("ghij\nnext\n".utf8))
        #expect(results == [.success(Array("short".utf8)), .failure(.tooLong(length: 9)), .success(Array("next".utf8))])
    }

    @Test func addressesParse() {
        #expect(MonitorAddress("4711") == MonitorAddress(host: "0.0.0.0", port: 4711))
        #expect(MonitorAddress("127.0.0.1:0") == MonitorAddress(host: "127.0.0.1", port: 0))
        #expect(MonitorAddress("[::1]:4711") == MonitorAddress(host: "::1", port: 4711))
        #expect(MonitorAddress("host:") == nil)
        #expect(MonitorAddress("70000") == nil)
    }

    @Test func variablesAnswerOrUnknown() {
        let variables = MonitorVariables(fileText: "# comment\nFAI_VERSION=6.0.3\nbad line\nSERVER=faiserver x\n")
        #expect(variables.reply(to: "FAI_VERSION") == "OK 6.0.3\n")
        #expect(variables.reply(to: "SERVER") == "OK faiserver x\n")
        #expect(variables.reply(to: "NOPE") == "UNKNOWN NOPE\n")
    }
}
