@testable import Simulator
import Testing
import XMLRPC

@Suite struct RecordFilterTests {
    private let record = XMLRPCStruct([
        ("name_label", "fai01"), ("is_a_template", .bool(false)), ("VCPUs_max", .int(2)), ("power_state", "Running"),
    ])

    @Test(arguments: [
        ("true", true),
        ("false", false),
        (#"field "name_label" = "fai01""#, true),
        (#"field "is_a_template" = "false" and field "VCPUs_max" = "2""#, true),
        (#"field "is_a_template" = "true" or field "power_state" = "Running""#, true),
        (#"not (field "name_label" = "fai01")"#, false),
        (#""fai01" = field "name_label""#, true),
        (#"field "name_label" <> "fai01""#, false),
        (#"field "missing" = "x""#, false),
    ])
    func evaluates(expression: String, expected: Bool) throws {
        #expect(try RecordFilter(parsing: expression).matches(record) == expected)
    }

    @Test(arguments: [#"field "a" ="#, "field name = x", "(true", "true false", #"field "a" = "b"#])
    func rejectsBadExpressions(expression: String) {
        #expect(throws: RecordFilter.ParseError.self) { try RecordFilter(parsing: expression) }
    }
}

@Suite struct ConsoleScriptTests {
    @Test func endingsAreReadFromTheTranscripts() {
        let library = TranscriptLibrary.bundled
        #expect(ConsoleScript.transcript(library.transcript("success")).ending == .reboot)
        #expect(ConsoleScript.transcript(library.transcript("success")).installsSystem)
        #expect(ConsoleScript.transcript(library.transcript("success-verbose")).ending == .reboot)
        #expect(ConsoleScript.transcript(library.transcript("no-nfsroot")).ending == .crash)
        #expect(ConsoleScript.transcript(library.transcript("no-fai-args")).ending == .prompt("(initramfs) "))
        #expect(ConsoleScript.transcript(library.transcript("fail-partition")).ending == .prompt("root@fai03:/# "))
        let waiting = ConsoleScript.transcript(library.transcript("fail-instsoft"))
        #expect(waiting.ending == .waitForReturn(continuation: Array("Rebooting fai02 now\r\nRestarting system.\r\n".utf8)))
        #expect(waiting.hostname == "fai02")
    }

    @Test func linesKeepTheirLineEnds() {
        let script = ConsoleScript.transcript(Array("one\r\ntwo\r\nprompt# ".utf8))
        #expect(script.lines.map { String(decoding: $0, as: UTF8.self) } == ["one\r\n", "two\r\n", "prompt# "])
    }

    @Test func renamingTheHostReplacesTheFixtureNameWhereverTheGuestPrintsIt() {
        var success = ConsoleScript.transcript(TranscriptLibrary.bundled.transcript("success"))
        success.renameHost(to: "web-server-7")
        let text = String(decoding: success.lines.joined(), as: UTF8.self)
        #expect(!text.contains("fai01"))
        #expect(text.contains(" host   : web-server-7 "))
        #expect(text.contains("XENSERVER web-server-7 LAST\r\n"))
        #expect(text.contains("Save log files via ssh to fai@faiserver:web-server-7/install-20110614_103512\r\n"))
        #expect(text.contains("Rebooting web-server-7 now\r\n"))
        #expect(success.hostname == "web-server-7")

        var synthetic = ConsoleScript.transcript(Array(
            " host   : fai01       \r\nclasses DEFAULT FAI01 LAST\r\nafai01 fai01b faiserver\r\nroot@fai01:/# ".utf8))
        synthetic.renameHost(to: "web1")
        #expect(synthetic.lines.map { String(decoding: $0, as: UTF8.self) } == [
            " host   : web1        \r\n", "classes DEFAULT WEB1 LAST\r\n",
            "afai01 fai01b faiserver\r\n", "root@web1:/# ",
        ])
        #expect(synthetic.ending == .prompt("root@web1:/# "))

        var waiting = ConsoleScript.transcript(TranscriptLibrary.bundled.transcript("fail-instsoft"))
        waiting.renameHost(to: "fai10")
        #expect(waiting.ending == .waitForReturn(continuation: Array("Rebooting fai10 now\r\nRestarting system.\r\n".utf8)))
    }

    @Test func hostnamesComeFromNameLabels() {
        #expect(ConsoleScript.hostname(forNameLabel: "fai03") == "fai03")
        #expect(ConsoleScript.hostname(forNameLabel: "Web Server 7") == "web-server-7")
        #expect(ConsoleScript.hostname(forNameLabel: "  db_01 (copy) ") == "db-01-copy")
        #expect(ConsoleScript.hostname(forNameLabel: " ?! ") == nil)
    }

    @Test func provisionXMLIsReadAttributeByAttribute() {
        let disks = ProvisionDisk.parse(#"<provision><disk device="0" size="8589934592" sr="abc" bootable="true" type="system"/><disk bootable="false" size="1024" device="1" sr=""/></provision>"#)
        #expect(disks == [
            ProvisionDisk(device: "0", size: 8_589_934_592, sr: "abc", bootable: true),
            ProvisionDisk(device: "1", size: 1024, sr: "", bootable: false),
        ])
    }
}
